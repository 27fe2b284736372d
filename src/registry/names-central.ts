/** Name patterns for the units under a central body; generic but for a few well-known general departments. */

/** Units every ministry-level body has (cấp vụ, cục và tương đương). */
// prettier-ignore
export const STANDARD_UNITS = [
  'Văn phòng', 'Vụ Tổ chức cán bộ', 'Vụ Kế hoạch - Tài chính', 'Vụ Pháp chế', 'Vụ Hợp tác quốc tế',
] as const;

/** Subjects for generic divisions and departments ("Vụ Tổng hợp", "Cục Quản lý chất lượng"). */
// prettier-ignore
export const UNIT_SUBJECTS = [
  'Tổng hợp', 'Kinh tế', 'Khoa học, Công nghệ và Môi trường', 'Quản lý chất lượng', 'Thi đua - Khen thưởng',
  'Kiểm soát thủ tục hành chính', 'Công nghệ thông tin', 'Quản lý đầu tư', 'Thống kê', 'Chính sách', 'Đào tạo',
  'Thông tin và Truyền thông', 'Quản lý doanh nghiệp', 'Văn thư - Lưu trữ', 'Quản trị - Tài vụ', 'Kiểm tra',
  'Giám sát', 'Phát triển nguồn nhân lực', 'An toàn', 'Hành chính',
] as const;

/** Well-known general departments (tổng cục) by ministry name; each gets its own security server. */
export const GENERAL_DEPARTMENTS_OF: Readonly<Record<string, readonly string[]>> = {
  'Bộ Tài chính': ['Tổng cục Thuế', 'Tổng cục Hải quan', 'Kho bạc Nhà nước', 'Tổng cục Dự trữ Nhà nước'],
  'Bộ Tài nguyên và Môi trường': [
    'Tổng cục Quản lý đất đai',
    'Tổng cục Khí tượng Thủy văn',
    'Tổng cục Biển và Hải đảo Việt Nam',
  ],
  'Bộ Nông nghiệp và Phát triển nông thôn': ['Tổng cục Lâm nghiệp', 'Tổng cục Thủy lợi', 'Tổng cục Thủy sản'],
  'Bộ Kế hoạch và Đầu tư': ['Tổng cục Thống kê'],
  'Bộ Giao thông vận tải': ['Tổng cục Đường bộ Việt Nam'],
  'Bộ Công Thương': ['Tổng cục Quản lý thị trường'],
  'Bộ Văn hóa, Thể thao và Du lịch': ['Tổng cục Du lịch', 'Tổng cục Thể dục thể thao'],
};

/** Offices inside a division or department (cấp phòng và tương đương). */
// prettier-ignore
export const UNIT_OFFICES = [
  'Phòng Tổng hợp', 'Phòng Hành chính - Quản trị', 'Phòng Kế hoạch - Tài chính', 'Phòng Nghiệp vụ 1',
  'Phòng Nghiệp vụ 2', 'Phòng Nghiệp vụ 3', 'Phòng Kiểm tra', 'Phòng Công nghệ thông tin',
] as const;

/** Regions used to name the branches (chi cục) of a general department's departments. */
export const REGIONS = ['khu vực I', 'khu vực II', 'khu vực III', 'khu vực IV', 'khu vực V', 'khu vực VI'] as const;
