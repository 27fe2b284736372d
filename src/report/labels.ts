/** The report's words, English then Vietnamese, one message a line; column headers live with their columns. */
import type { Messages } from '../messages.js';

export type { Lang } from '../config/settings.js';

export const REPORT_LABELS = {
  title: [
    'Electronic documents sent and received through the national document exchange hub',
    'Tình hình gửi, nhận văn bản điện tử qua Trục liên thông văn bản quốc gia',
  ],
  period: ['(From {from} to {to})', '(Từ ngày {from} đến ngày {to})'],
  'level.1': ['Ministries, central bodies, provinces and cities', 'Cấp bộ, ngành, tỉnh, thành phố'],
  'level.2': ['Departments and districts (level 2)', 'Cấp Vụ, Cục, sở, ngành, quận, huyện'],
  'level.3': ['Communes, wards and offices (level 3)', 'Cấp xã, phường, thị trấn, phòng (cấp 3)'],
  'level.4': ['Schools, health stations and branches (level 4)', 'Cấp trường, trạm, chi cục (cấp 4)'],
  hub: ['Hub', 'Trục'],
  generated: ['Generated', 'Lập lúc'],
  'note.1': [
    'Received: documents delivered to the agency in the period; Processed: of those, the ones it reported status 03–06 for.',
    'Đã nhận: văn bản đã đến cơ quan trong kỳ; Đã tiếp nhận, xử lý: trong số đó, văn bản cơ quan đã phản hồi trạng thái 03–06.',
  ],
  'note.2': [
    'Reply required: documents with a reply deadline delivered in the period; Answered, On time and Not answered as of its end.',
    'Văn bản có thời hạn: văn bản có hạn trả lời đã đến trong kỳ; Đã trả lời, Đúng hạn, Chưa trả lời tính đến hết kỳ.',
  ],
  'note.3': [
    'Signed (%): documents sent with a valid digital signature, of all electronic documents sent through the hub.',
    'Tỷ lệ văn bản có ký số: văn bản gửi có chữ ký số hợp lệ trên tổng số văn bản điện tử đã gửi qua Trục.',
  ],
  'note.4': [
    'Downtime: of the security server the agency uses, in the period; the Total row counts each server once.',
    'Thời gian mất kết nối: của máy chủ bảo mật mà cơ quan sử dụng, trong kỳ; dòng Tổng cộng tính mỗi máy chủ một lần.',
  ],
  'coverage.part': [
    'The cache holds figures from {from} to {to} only: outside that, this period counts nothing.',
    'Bộ đệm chỉ có số liệu từ {from} đến {to}: ngoài khoảng đó, kỳ báo cáo này không tính được gì.',
  ],
  'coverage.none': [
    'The cache holds no figures for this period: every count below is empty, not zero.',
    'Bộ đệm không có số liệu của kỳ này: mọi số dưới đây là trống, không phải bằng 0.',
  ],
  'standing.title': ['Standing problems', 'Vấn đề tồn đọng'],
  'standing.rule': ['Problem', 'Vấn đề'],
  'standing.agencies': ['Agencies', 'Số cơ quan'],
  'standing.worst': ['Worst', 'Nặng nhất'],
  'standing.none': ['No standing problem.', 'Không có vấn đề tồn đọng.'],
} satisfies Messages;

export type ReportLabel = keyof typeof REPORT_LABELS;
