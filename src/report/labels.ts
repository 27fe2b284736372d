/** The report's words in both languages: title, period line, notes. Headers live with their columns. */
import type { Lang } from '../config/settings.js';

export type { Lang };

interface ReportLabels {
  readonly title: string;
  period(from: string, to: string): string;
  readonly level: Readonly<Record<number, string>>;
  readonly hub: string;
  readonly generated: string;
  readonly notes: readonly string[];
}

export const REPORT_LABELS: Readonly<Record<Lang, ReportLabels>> = {
  vi: {
    title: 'Tình hình gửi, nhận văn bản điện tử qua Trục liên thông văn bản quốc gia',
    period: (from, to) => `(Từ ngày ${from} đến ngày ${to})`,
    level: {
      1: 'Cấp bộ, ngành, tỉnh, thành phố',
      2: 'Cấp Vụ, Cục, sở, ngành, quận, huyện',
      3: 'Cấp xã, phường, thị trấn, phòng (cấp 3)',
      4: 'Cấp trường, trạm, chi cục (cấp 4)',
    },
    hub: 'Trục',
    generated: 'Lập lúc',
    notes: [
      'Đã nhận: văn bản đã đến cơ quan trong kỳ; Đã tiếp nhận, xử lý: trong số đó, văn bản cơ quan đã phản hồi trạng thái 03–06.',
      'Văn bản có thời hạn: văn bản có hạn trả lời đã đến trong kỳ; Đã trả lời, Đúng hạn, Chưa trả lời tính đến hết kỳ.',
      'Tỷ lệ văn bản có ký số: văn bản gửi có chữ ký số hợp lệ trên tổng số văn bản điện tử đã gửi qua Trục.',
      'Thời gian mất kết nối: của máy chủ bảo mật mà cơ quan sử dụng, trong kỳ; dòng Tổng cộng tính mỗi máy chủ một lần.',
    ],
  },
  en: {
    title: 'Electronic documents sent and received through the national document exchange hub',
    period: (from, to) => `(From ${from} to ${to})`,
    level: {
      1: 'Ministries, central bodies, provinces and cities',
      2: 'Departments and districts (level 2)',
      3: 'Communes, wards and offices (level 3)',
      4: 'Schools, health stations and branches (level 4)',
    },
    hub: 'Hub',
    generated: 'Generated',
    notes: [
      'Received: documents delivered to the agency in the period; Processed: of those, the ones it reported status 03–06 for.',
      'Reply required: documents with a reply deadline delivered in the period; Answered, On time and Not answered as of its end.',
      'Signed (%): documents sent with a valid digital signature, of all electronic documents sent through the hub.',
      'Downtime: of the security server the agency uses, in the period; the Total row counts each server once.',
    ],
  },
};
