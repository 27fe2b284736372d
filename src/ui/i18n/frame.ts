/** Console strings, English then Vietnamese: the frame around every screen, from title and tabs to time windows. */
import type { Messages } from './translate.js';

export const frame = {
  'app.title': ['hubmon', 'hubmon'],
  'app.hubUnknown': ['hub (not yet identified)', 'trục (chưa xác định)'],
  'app.demo': ['DEMO', 'DEMO'],

  'screen.agencies': ['Agencies', 'Cơ quan, đơn vị'],
  'screen.servers': ['Security servers', 'Máy chủ bảo mật'],
  'screen.signatures': ['Signatures', 'Chữ ký số'],
  'screen.deadlines': ['Deadlines', 'Hạn trả lời'],
  'screen.alerts': ['Alerts', 'Cảnh báo'],
  'screen.help': ['Help', 'Trợ giúp'],
  'tab.overview': ['Overview', 'Tổng quan'],
  'tab.agencies': ['Agencies', 'Cơ quan'],
  'tab.servers': ['Servers', 'MCBM'],
  'tab.signatures': ['Signatures', 'Chữ ký'],
  'tab.deadlines': ['Deadlines', 'Hạn'],
  'tab.alerts': ['Alerts', 'Cảnh báo'],

  'link.connecting': ['connecting', 'đang kết nối'],
  'link.live': ['live', 'trực tuyến'],
  'link.catching_up': ['catching up', 'đang bắt kịp'],
  'link.reconnecting': ['reconnecting', 'đang kết nối lại'],
  'link.readOnly': ['read-only', 'chỉ đọc'],
  'link.stale': ['stale', 'dữ liệu cũ'],
  'link.offline': ['offline', 'mất kết nối'],
  'header.lag': ['lag {n}', 'trễ {n}'],
  'header.newest': ['newest {ago}', 'mới nhất {ago}'],
  'header.noEvents': ['no events yet', 'chưa có sự kiện'],
  'header.rate': ['{n} ev/s', '{n} sk/s'],
  'unit.perMin': ['{n}/min', '{n}/ph'],
  'unit.perHour': ['{n}/h', '{n}/giờ'],
  'header.window': ['window {w}', '{w} qua'],
  'header.paused': ['FROZEN', 'ĐÓNG BĂNG'],
  'header.alertsNone': ['no alerts', 'không có cảnh báo'],
  'header.alertsNoData': ['alerts: no data yet', 'cảnh báo: chưa có dữ liệu'],
  'header.alertsNoneCached': ['no alerts (cached)', 'không có cảnh báo (số liệu đã lưu)'],
  'header.alertsCritical': ['{n} crit', '{n} khẩn'],
  'header.alertsWarning': ['{n} warn', '{n} cảnh báo'],
  'banner.offline': ['OFFLINE (cached {asOf}){since}', 'MẤT KẾT NỐI (số liệu lưu đến {asOf}){since}'],
  'banner.stale': [
    'STALE (cached {asOf}) — nothing from the hub for {span}',
    'DỮ LIỆU CŨ (số liệu lưu đến {asOf}) — trục im lặng {span}',
  ],
  'banner.reconnecting': ['RECONNECTING (cached {asOf}){since}{next}', 'KẾT NỐI LẠI (lưu đến {asOf}){since}{next}'],
  'banner.nextTry': [' · retry in {n}s', ' · thử lại sau {n} giây'],
  'banner.connecting': [
    'Connecting to the hub; cached figures shown',
    'Đang kết nối tới trục; đang hiện số liệu đã lưu',
  ],
  'banner.since': [' since {ago}', ' từ {ago}'],
  'banner.never': ['never', 'chưa có'],
  'banner.epoch': [
    'NEW HISTORY: epoch {to} (was {from}) from {at}, {ago}; open items count afresh',
    'LỊCH SỬ MỚI: epoch {to} (trước là {from}) từ {at}, {ago}; việc còn mở tính lại từ đầu',
  ],

  'flash.rejections': ['{n} rejected · last: {reason}', '{n} bản tin bị loại · gần nhất: {reason}'],
  'flash.noRejections': ['no rejected messages', 'không có bản tin bị loại'],
  'flash.notice': ['⚠ {text}', '⚠ {text}'],
  'flash.deriving': [
    '⚠ catching up: documents, deliveries and deadlines lag {n} events behind',
    '⚠ đang bắt kịp: văn bản, chuyển phát và hạn trả lời còn chậm {n} sự kiện',
  ],
  'header.replay': ['REPLAY {clock} ×{speed}', 'PHÁT LẠI {clock} ×{speed}'],
  'header.replayPaused': ['REPLAY {clock} ×{speed} ‖', 'PHÁT LẠI {clock} ×{speed} ‖'],
  'header.replayEnd': ['REPLAY {clock} (end)', 'PHÁT LẠI {clock} (hết)'],
  'flash.error': ['error: {text}', 'lỗi: {text}'],
  'flash.epoch': [
    '⚠ hub epoch changed to {to} {ago}: earlier open deliveries and deadlines ended',
    '⚠ trục đổi epoch sang {to} {ago}: văn bản chờ chuyển và hạn trả lời cũ đã kết thúc',
  ],
  'flash.acknowledged': ['acknowledged: {text}', 'đã xác nhận: {text}'],
  'flash.acknowledgedMany': ['acknowledged {n} incidents', 'đã xác nhận {n} sự cố'],
  'flash.ackNothing': ['no alert selected', 'chưa chọn cảnh báo'],
  'flash.ackAlready': ['already acknowledged', 'đã được xác nhận'],
  'flash.ackNotSaved': [
    'acknowledgement not saved: the cache is busy or read-only, try again',
    'chưa lưu được xác nhận: bộ đệm đang bận hoặc chỉ đọc, hãy thử lại',
  ],
  'flash.paused': [
    'figures frozen (data still arrives); p to unfreeze',
    'số liệu đóng băng (vẫn nhận dữ liệu); p để bỏ đóng băng',
  ],
  'flash.resumed': ['figures unfrozen', 'số liệu cập nhật trở lại'],
  'flash.sort': ['sorted by {col} {dir}', 'sắp xếp theo {col} {dir}'],
  'flash.gone': ['this agency is no longer in the registry', 'cơ quan này không còn trong danh mục'],
  'dir.asc': ['ascending', 'tăng dần'],
  'dir.desc': ['descending', 'giảm dần'],

  'filter.prompt': ['Filter: ', 'Lọc: '],
  'filter.active': ['filter “{text}”', 'lọc “{text}”'],
  'filter.matches': ['{n} of {total}', '{n}/{total}'],
  'filter.none': ['nothing matches', 'không có kết quả'],
  'list.empty': ['nothing to show', 'không có gì để hiển thị'],
  'notReported.statuses': [
    'not reported by this hub: its source carries no processing statuses',
    'trục này không báo: nguồn dữ liệu của nó không có trạng thái xử lý văn bản',
  ],
  'notReported.deadlines': [
    'not reported by this hub: its source carries no reply deadlines (DueDate) nor replies',
    'trục này không báo: nguồn dữ liệu của nó không có hạn trả lời (DueDate) và văn bản trả lời',
  ],

  'error.title': ['hubmon stopped on an unexpected error', 'hubmon dừng vì một lỗi không lường trước'],

  // The time windows, in the header and when `w` changes them.
  'window.5m': ['5 min', '5 phút'],
  'window.1h': ['1h', '1 giờ'],
  'window.24h': ['24h', '24 giờ'],
  'flash.window.5m': ['time window: 5 minutes', 'khung thời gian: 5 phút'],
  'flash.window.1h': ['time window: 1 hour', 'khung thời gian: 1 giờ'],
  'flash.window.24h': ['time window: 24 hours', 'khung thời gian: 24 giờ'],

  // The status line of a console that only reads its cache.
  'notice.readOnly': ['read-only: {path}', 'chỉ đọc: {path}'],
  'notice.readOnlyBy': [
    'read-only: {path} is written by pid {pid} on {host}',
    'chỉ đọc: {path} do tiến trình {pid} trên máy {host} ghi',
  ],
  'notice.readOnlyCache': ['read-only cache', 'bộ đệm chỉ đọc'],
} satisfies Messages;
