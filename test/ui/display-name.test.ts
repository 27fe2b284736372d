import { describe, expect, it } from 'vitest';
import { displayName, displayServerName } from '../../src/ui/view/display-name.js';

describe('displayName', () => {
  it.each([
    ['UBND Tỉnh Quảng Ngãi', 'Quảng Ngãi'],
    ['UBND Thành phố Hồ Chí Minh', 'Hồ Chí Minh'],
    ['UBND huyện Quỳ Hợp', 'huyện Quỳ Hợp'],
    ['UBND thành phố Vinh', 'thành phố Vinh'],
    ['UBND xã Kim Liên', 'xã Kim Liên'],
    ['UBND Xã Kim Liên', 'Xã Kim Liên'],
    ['Sở Y tế tỉnh Nghệ An', 'Sở Y tế'],
    ['Sở Lao động - Thương binh và Xã hội thành phố Hà Nội', 'Sở Lao động - Thương binh và Xã hội'],
    ['Văn phòng UBND tỉnh Cao Bằng', 'Văn phòng UBND'],
    ['Thanh tra tỉnh Ninh Bình', 'Thanh tra'],
    ['Ban Quản lý khu kinh tế tỉnh Quảng Ngãi', 'Ban Quản lý khu kinh tế'],
    // A district's units keep their district: it is what tells them apart.
    ['Trung tâm Y tế thành phố Vinh', 'Trung tâm Y tế thành phố Vinh'],
    ['Phòng Pháp chế, Sở Y tế', 'Phòng Pháp chế, Sở Y tế'],
    ['Bộ Y tế', 'Bộ Y tế'],
    ['Văn phòng Chính phủ', 'Văn phòng Chính phủ'],
    ['UBND', 'UBND'],
  ])('%s → %s', (full, shown) => {
    expect(displayName(full)).toBe(shown);
  });

  it.each([
    ['Máy chủ bảo mật UBND Tỉnh Đồng Tháp', 'Đồng Tháp'],
    ['Máy chủ bảo mật Bộ Quốc phòng', 'Bộ Quốc phòng'],
    ['MCBM dùng chung VNPT', 'MCBM dùng chung VNPT'],
  ])('server %s → %s', (full, shown) => {
    expect(displayServerName(full)).toBe(shown);
  });
});
