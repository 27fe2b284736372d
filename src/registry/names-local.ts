/** Name patterns for the units under a province (districts and communes are real: `admin-units.ts`). */

/** Departments of a provincial People's Committee (sở, ban, ngành cấp tỉnh). */
// prettier-ignore
export const PROVINCIAL_DEPARTMENTS = [
  'Sở Nội vụ', 'Sở Tư pháp', 'Sở Kế hoạch và Đầu tư', 'Sở Tài chính', 'Sở Công Thương',
  'Sở Nông nghiệp và Phát triển nông thôn', 'Sở Giao thông vận tải', 'Sở Xây dựng',
  'Sở Tài nguyên và Môi trường', 'Sở Thông tin và Truyền thông', 'Sở Lao động - Thương binh và Xã hội',
  'Sở Văn hóa, Thể thao và Du lịch', 'Sở Khoa học và Công nghệ', 'Sở Giáo dục và Đào tạo', 'Sở Y tế',
] as const;

/** Bodies only some provinces have; each is included with some probability. */
// prettier-ignore
export const OPTIONAL_DEPARTMENTS = [
  'Sở Ngoại vụ', 'Sở Du lịch', 'Ban Dân tộc', 'Ban Quản lý các khu công nghiệp', 'Ban Quản lý khu kinh tế',
  'Đài Phát thanh và Truyền hình', 'Trung tâm Phục vụ hành chính công',
] as const;

/** Offices inside a department, named after it ("Văn phòng Sở Y tế"). */
// prettier-ignore
export const DEPARTMENT_OFFICES = [
  'Văn phòng', 'Thanh tra', 'Phòng Kế hoạch - Tài chính', 'Phòng Tổ chức cán bộ', 'Phòng Pháp chế',
  'Phòng Quản lý chuyên ngành', 'Trung tâm Công nghệ thông tin',
] as const;

/** Offices of a district People's Committee (cơ quan chuyên môn cấp huyện). */
// prettier-ignore
export const DISTRICT_OFFICES = [
  'Văn phòng HĐND và UBND', 'Phòng Nội vụ', 'Phòng Tư pháp', 'Phòng Tài chính - Kế hoạch',
  'Phòng Tài nguyên và Môi trường', 'Phòng Lao động - Thương binh và Xã hội', 'Phòng Văn hóa và Thông tin',
  'Phòng Giáo dục và Đào tạo', 'Phòng Y tế', 'Thanh tra', 'Phòng Kinh tế và Hạ tầng',
  'Phòng Nông nghiệp và Phát triển nông thôn',
] as const;

/** The office under which a district's schools are numbered (level 4). */
export const EDUCATION_OFFICE = 'Phòng Giáo dục và Đào tạo';
/** School kinds, one of each per commune. */
export const SCHOOL_KINDS = ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS'] as const;
