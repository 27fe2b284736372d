/**
 * Name patterns for the units under a province: departments (sở, ban, ngành), districts
 * (quận, huyện, thị xã, thành phố thuộc tỉnh), their offices (phòng) and communes (xã,
 * phường, thị trấn). District and commune names are common Vietnamese place names used as
 * a pool; except for the two provinces listed in DISTRICTS_OF, they are illustrative and do
 * not claim that a given district lies in a given province.
 */

/** Departments of a provincial People's Committee (sở, ban, ngành cấp tỉnh). */
// prettier-ignore
export const PROVINCIAL_DEPARTMENTS = [
  'Sở Nội vụ', 'Sở Tư pháp', 'Sở Kế hoạch và Đầu tư', 'Sở Tài chính', 'Sở Công Thương',
  'Sở Nông nghiệp và Phát triển nông thôn', 'Sở Giao thông vận tải', 'Sở Xây dựng',
  'Sở Tài nguyên và Môi trường', 'Sở Thông tin và Truyền thông', 'Sở Lao động - Thương binh và Xã hội',
  'Sở Văn hóa, Thể thao và Du lịch', 'Sở Khoa học và Công nghệ', 'Sở Giáo dục và Đào tạo', 'Sở Y tế',
] as const;

/** Bodies only some provinces have; each is included with some probability. */
export const OPTIONAL_DEPARTMENTS = [
  'Sở Ngoại vụ',
  'Sở Du lịch',
  'Ban Dân tộc',
  'Ban Quản lý các khu công nghiệp',
  'Ban Quản lý khu kinh tế',
  'Đài Phát thanh và Truyền hình',
  'Trung tâm Phục vụ hành chính công',
] as const;

/** Offices inside a department, named after it ("Văn phòng Sở Y tế"). */
export const DEPARTMENT_OFFICES = [
  'Văn phòng',
  'Thanh tra',
  'Phòng Kế hoạch - Tài chính',
  'Phòng Tổ chức cán bộ',
  'Phòng Pháp chế',
  'Phòng Quản lý chuyên ngành',
  'Trung tâm Công nghệ thông tin',
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

/** Real district lists for the two provinces whose codes are real samples. */
export const DISTRICTS_OF: Readonly<Record<string, readonly string[]>> = {
  'Nghệ An': [
    'thành phố Vinh',
    'thị xã Cửa Lò',
    'thị xã Thái Hòa',
    'thị xã Hoàng Mai',
    'huyện Quỳ Hợp',
    'huyện Quỳ Châu',
    'huyện Quế Phong',
    'huyện Kỳ Sơn',
    'huyện Tương Dương',
    'huyện Con Cuông',
    'huyện Anh Sơn',
    'huyện Tân Kỳ',
    'huyện Nghĩa Đàn',
    'huyện Quỳnh Lưu',
    'huyện Diễn Châu',
    'huyện Yên Thành',
    'huyện Đô Lương',
    'huyện Thanh Chương',
    'huyện Nghi Lộc',
    'huyện Nam Đàn',
    'huyện Hưng Nguyên',
  ],
  'Cao Bằng': [
    'thành phố Cao Bằng',
    'huyện Bảo Lâm',
    'huyện Bảo Lạc',
    'huyện Hà Quảng',
    'huyện Trùng Khánh',
    'huyện Hạ Lang',
    'huyện Quảng Hòa',
    'huyện Hòa An',
    'huyện Nguyên Bình',
    'huyện Thạch An',
  ],
};

/** Pool of district names for the other provinces. */
// prettier-ignore
export const DISTRICT_NAMES = [
  'Yên Lạc', 'Tam Dương', 'Lập Thạch', 'Sông Lô', 'Bình Xuyên', 'Đông Anh', 'Gia Lâm', 'Thanh Trì',
  'Sóc Sơn', 'Ba Vì', 'Phúc Thọ', 'Thạch Thất', 'Quốc Oai', 'Chương Mỹ', 'Thanh Oai', 'Ứng Hòa', 'Mỹ Đức',
  'Phú Xuyên', 'Thường Tín', 'Mê Linh', 'Đan Phượng', 'Hoài Đức', 'Kim Bảng', 'Thanh Liêm', 'Bình Lục',
  'Lý Nhân', 'Duy Tiên', 'Vụ Bản', 'Ý Yên', 'Nghĩa Hưng', 'Hải Hậu', 'Giao Thủy', 'Xuân Trường', 'Trực Ninh',
  'Gia Viễn', 'Nho Quan', 'Yên Khánh', 'Kim Sơn', 'Yên Mô', 'Hoa Lư', 'Đông Sơn', 'Thiệu Hóa', 'Yên Định',
  'Vĩnh Lộc', 'Thạch Thành', 'Cẩm Thủy', 'Ngọc Lặc', 'Lang Chánh', 'Như Xuân', 'Như Thanh', 'Nông Cống',
  'Quảng Xương', 'Hoằng Hóa', 'Hậu Lộc', 'Nga Sơn', 'Hà Trung', 'Triệu Sơn', 'Thọ Xuân', 'Đức Thọ',
  'Hương Sơn', 'Can Lộc', 'Thạch Hà', 'Cẩm Xuyên', 'Kỳ Anh', 'Lệ Thủy', 'Quảng Ninh', 'Bố Trạch',
  'Tuyên Hóa', 'Minh Hóa', 'Gio Linh', 'Vĩnh Linh', 'Cam Lộ', 'Hải Lăng', 'Triệu Phong', 'Phú Vang',
  'Phong Điền', 'Quảng Điền', 'Phú Lộc', 'Nam Đông', 'A Lưới', 'Điện Bàn', 'Duy Xuyên', 'Thăng Bình',
  'Quế Sơn', 'Núi Thành', 'Tiên Phước', 'Bình Sơn', 'Sơn Tịnh', 'Tư Nghĩa', 'Mộ Đức', 'Đức Phổ', 'Tuy Phước',
  'Phù Cát', 'Phù Mỹ', 'Hoài Nhơn', 'Tây Sơn', 'Tuy An', 'Sông Hinh', 'Đồng Xuân', 'Ninh Hòa', 'Diên Khánh',
  'Cam Lâm', 'Châu Thành', 'Chợ Gạo', 'Cái Bè', 'Cai Lậy', 'Gò Công Tây', 'Tân Phước', 'Cần Giuộc',
  'Cần Đước', 'Bến Lức', 'Đức Hòa', 'Thủ Thừa', 'Tân Trụ', 'Mỏ Cày Nam', 'Giồng Trôm', 'Ba Tri', 'Bình Đại',
  'Tam Nông', 'Thanh Bình', 'Lấp Vò', 'Lai Vung', 'Cao Lãnh', 'Phú Tân', 'Chợ Mới', 'Thoại Sơn', 'Tri Tôn',
  'Tịnh Biên',
] as const;

/** Pool of common commune and ward names (tên xã, phường). */
// prettier-ignore
export const COMMUNE_NAMES = [
  'Tân Lập', 'Tân Tiến', 'Tân Thành', 'Tân Phú', 'Tân Hòa', 'Tân An', 'Quang Trung', 'Hòa Bình', 'Hòa Phú',
  'Hòa Lợi', 'Thanh Xuân', 'Thanh Bình', 'Thanh Sơn', 'Thanh Hà', 'Đông Hưng', 'Đông Hòa', 'Đông Sơn',
  'Đông Phong', 'Tây Sơn', 'Nam Sơn', 'Bắc Sơn', 'Trung Sơn', 'Minh Khai', 'Minh Đức', 'Minh Tân',
  'Minh Hưng', 'Hưng Đạo', 'Hưng Thịnh', 'Phú Lâm', 'Phú Thịnh', 'Phú Xuân', 'Phú Mỹ', 'An Bình', 'An Phú',
  'An Thạnh', 'An Hòa', 'Bình Minh', 'Bình An', 'Bình Thạnh', 'Thịnh Long', 'Vĩnh Phúc', 'Vĩnh Hòa',
  'Vĩnh Thịnh', 'Xuân Phương', 'Xuân Hòa', 'Xuân Lâm', 'Hồng Phong', 'Hồng Thái', 'Hồng Hà', 'Kim Long',
  'Kim Đồng', 'Lê Lợi', 'Trần Phú', 'Nguyễn Trãi', 'Lý Thường Kiệt', 'Đồng Tâm', 'Đồng Tiến', 'Đồng Lạc',
  'Yên Bình', 'Yên Thọ', 'Yên Phú', 'Cẩm Bình', 'Cẩm Phú', 'Quảng Phú', 'Quảng Thành', 'Nghĩa Hòa',
  'Nghĩa Trung', 'Hải Thanh', 'Hải Hòa', 'Sơn Thủy', 'Long Hưng', 'Long Phước', 'Long Thạnh', 'Mỹ Hòa',
  'Mỹ Phước', 'Mỹ Xuyên', 'Phước Long', 'Phước Hòa', 'Thạnh Phú', 'Thuận An', 'Thuận Hòa', 'Tiến Thành',
  'Tiền Phong', 'Trung Hòa', 'Trung Thành', 'Việt Hưng', 'Văn Phú', 'Hợp Thành', 'Liên Hòa', 'Phong Phú',
  'Mường Thanh', 'Na Sang', 'Bản Lầu',
] as const;
