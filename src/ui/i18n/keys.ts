/** Console strings, English then Vietnamese: the help screen and the key bindings, replay keys included. */
import type { Messages } from './translate.js';

export const keys = {
  'help.title': ['Keys', 'Phím tắt'],
  'help.group.global': ['Everywhere', 'Mọi nơi'],
  'help.group.list': ['Lists', 'Danh sách'],
  'help.group.agencies': ['Agencies', 'Cơ quan'],
  'help.group.alerts': ['Alerts', 'Cảnh báo'],
  'help.group.detail': ['Agency detail', 'Chi tiết cơ quan'],
  'help.group.filter': ['While typing a filter', 'Khi đang gõ bộ lọc'],
  'help.close': ['Esc or ? to close', 'Esc hoặc ? để đóng'],
  'help.group.marks': ['Marks on screen', 'Ký hiệu trên màn hình'],
  'help.mark.cursor': ['the selected row', 'dòng đang chọn'],
  'help.mark.changed': [
    'a row whose state changed at the last refresh; in Alerts, an incident new since you looked',
    'dòng vừa đổi trạng thái ở lần làm mới gần nhất; ở Cảnh báo, sự cố mới từ lần xem trước',
  ],
  'help.mark.marked': [
    'Alerts: an incident marked with Space, to acknowledge with the others',
    'Cảnh báo: sự cố đã đánh dấu bằng Space, để xác nhận cùng các sự cố khác',
  ],
  'help.mark.sort': [
    'the column the list is sorted by: ▲ smallest first, ▼ largest first',
    'cột đang sắp xếp: ▲ nhỏ trước, ▼ lớn trước',
  ],
  'help.mark.spark': [
    'traffic over the window, oldest on the left',
    'lưu lượng trong khung thời gian, cũ nhất bên trái',
  ],
  'help.mark.cut': [
    'text cut to fit; the detail (Enter) shows it whole',
    'chữ bị cắt cho vừa; trang chi tiết (Enter) hiện đầy đủ',
  ],
  'help.mark.link': [
    'the link to the hub: live, stale, reconnecting or offline',
    'kết nối tới Trục: trực tuyến, chậm, đang kết nối lại hoặc mất kết nối',
  ],
  'help.mark.alerts': ['alerts firing: critical · warning', 'cảnh báo đang kích hoạt: khẩn · cảnh báo (CB)'],
  'help.group.incidents': [
    'Incidents (Alerts screen, Overview, Agencies)',
    'Sự cố (màn hình Cảnh báo, Tổng quan, Cơ quan)',
  ],
  'help.incident.critical': [
    'critical: act now (a server down, a burst of failures)',
    'khẩn: xử lý ngay (máy chủ mất kết nối, lỗi hàng loạt)',
  ],
  'help.incident.warning': ['warning: look into it soon', 'cảnh báo (CB): cần xem sớm'],
  'help.incident.firing': [
    'its condition has held for its time: it needs someone',
    'điều kiện đã kéo dài đủ thời gian: cần người xử lý',
  ],
  'help.incident.pending': [
    'its condition holds, not yet for its time: it may clear by itself',
    'điều kiện đang có nhưng chưa đủ thời gian: có thể tự hết',
  ],
  'help.incident.acked': [
    'acknowledged by someone; the header no longer counts it',
    'đã có người xác nhận; tiêu đề không còn đếm',
  ],
  'help.incident.folded': [
    '+N folded: symptoms under their cause (agencies behind a down server)',
    '+N cảnh báo kéo theo: triệu chứng gộp dưới nguyên nhân (cơ quan sau máy chủ mất kết nối)',
  ],
  'help.incident.down': [
    'Agencies column Incid: its security server is down',
    'Cột Sự cố của màn hình Cơ quan: máy chủ bảo mật mất kết nối',
  ],
  'help.incident.flapping': [
    'Incid: its security server keeps dropping (flapping)',
    'Sự cố: máy chủ bảo mật chập chờn, mất kết nối nhiều lần',
  ],
  'help.incident.signature': ['Incid: its signatures are failing', 'Sự cố: chữ ký số lỗi'],
  'help.incident.silence': [
    'Incid: documents reach it, no status comes back',
    'Sự cố: văn bản vẫn đến, không phản hồi trạng thái',
  ],
  'help.incident.duplicates': [
    'Incid: it sends the same document again and again',
    'Sự cố: gửi trùng văn bản nhiều lần',
  ],
  'help.incident.delivery': [
    'Incid: packages to it fail or stay undelivered',
    'Sự cố: gói tin đến cơ quan bị lỗi hoặc chưa đến',
  ],
  'help.incident.quiet': [
    'Incid: it has sent nothing for an hour of working time',
    'Sự cố: không gửi văn bản nào trong một giờ làm việc',
  ],
  'help.incident.enter': [
    'on an incident (Alerts) lists the agencies it affects; on a server (Servers, Overview) those behind it',
    'trên một sự cố (Cảnh báo): các cơ quan bị ảnh hưởng; trên một máy chủ (Máy chủ, Tổng quan): các cơ quan phía sau',
  ],
  'help.mark.replayPaused': ['the replay clock is paused', 'đồng hồ phát lại đang dừng'],

  'key.screens': ['screens', 'màn hình'],
  'key.screens.help': [
    'Overview, Agencies, Servers, Signatures, Deadlines, Alerts',
    'Tổng quan, Cơ quan, MCBM, Chữ ký, Hạn trả lời, Cảnh báo',
  ],
  'key.nextScreen.help': ['next screen', 'màn hình tiếp theo'],
  'key.prevScreen.help': ['previous screen', 'màn hình trước'],
  'key.help': ['help', 'trợ giúp'],
  'key.help.help': ['show or hide this help', 'hiện hoặc ẩn trợ giúp này'],
  'key.quit': ['quit', 'thoát'],
  'key.quit.help': ['leave the console, restoring the terminal', 'thoát và trả lại terminal như cũ'],
  'key.pause': ['freeze', 'đóng băng'],
  'key.pause.help': [
    'freeze or unfreeze the figures on screen; data keeps arriving',
    'đóng băng hoặc bỏ đóng băng số liệu trên màn hình; dữ liệu vẫn về',
  ],
  'key.window': ['window', 'khung'],
  'key.window.help': ['cycle the time window: 5 min, 1 hour, 24 hours', 'đổi khung thời gian: 5 phút, 1 giờ, 24 giờ'],
  'key.back': ['back', 'quay lại'],
  'key.back.help': [
    'back to the previous screen; clears an active filter first',
    'về màn hình trước; xoá bộ lọc đang dùng trước tiên',
  ],
  'key.up.help': ['move up', 'lên'],
  'key.down.help': ['move down', 'xuống'],
  'key.pageUp.help': ['page up', 'lên một trang'],
  'key.pageDown.help': ['page down', 'xuống một trang'],
  'key.top.help': ['first row', 'dòng đầu'],
  'key.bottom.help': ['last row', 'dòng cuối'],
  'key.open': ['open', 'mở'],
  'key.open.help': [
    'open the selected agency: its detail and the units under it',
    'mở cơ quan đang chọn: chi tiết và các đơn vị trực thuộc',
  ],
  'key.filter': ['filter', 'lọc'],
  'key.filter.help': ['filter rows by name or identifier', 'lọc theo tên hoặc mã định danh'],
  'key.sort': ['sort', 'sắp xếp'],
  'key.sort.help': ['sort by the next column', 'sắp xếp theo cột kế tiếp'],
  'key.sortReverse.help': ['reverse the sort order', 'đảo chiều sắp xếp'],
  'key.describe.help': [
    'describe the selected row: every field, full names',
    'mô tả dòng đang chọn: mọi trường, tên đầy đủ',
  ],
  'key.level': ['level', 'cấp'],
  'key.level.help': ['show one government level (1–4) or all', 'chỉ hiện một cấp chính quyền (1–4) hoặc mọi cấp'],
  'key.problem': ['problem', 'sự cố'],
  'key.problem.help': ['show only agencies with a given problem', 'chỉ hiện cơ quan có một loại sự cố'],
  'key.ack': ['ack', 'xác nhận'],
  'key.ack.help': [
    'acknowledge the marked incidents, or the one under the cursor',
    'xác nhận các sự cố đã đánh dấu, hoặc sự cố đang chọn',
  ],
  'key.mark': ['mark', 'đánh dấu'],
  'key.mark.help': [
    'mark or unmark the incident and move down, to acknowledge several at once',
    'đánh dấu hoặc bỏ đánh dấu sự cố rồi xuống dòng dưới, để xác nhận nhiều sự cố một lần',
  ],
  'key.section': ['section', 'mục'],
  'key.section.help': ['previous / next section of the detail', 'mục trước / tiếp theo của trang chi tiết'],
  'key.filterAccept.help': ['keep the filter and return to the list', 'giữ bộ lọc và quay về danh sách'],
  'key.filterCancel.help': ['clear the filter', 'xoá bộ lọc'],
  'key.filterErase.help': ['erase the last character', 'xoá ký tự cuối'],
  'help.group.replay': ['Replay', 'Phát lại'],
  'key.replayPause': ['pause replay', 'dừng phát lại'],
  'key.replayPause.help': [
    'pause or resume the replay clock (figures follow it)',
    'dừng hoặc tiếp tục đồng hồ phát lại (số liệu theo nó)',
  ],
  'key.replayStep': ['step', 'từng bước'],
  'key.replayStep.help': ['apply the next recorded event and pause', 'áp dụng sự kiện ghi tiếp theo rồi dừng'],
  'key.replaySpeed': ['speed', 'tốc độ'],
  'key.replaySpeed.help': [
    '[ half as fast (down to ×1), ] twice as fast (up to ×3600)',
    '[ chậm một nửa (tối thiểu ×1), ] nhanh gấp đôi (tối đa ×3600)',
  ],
  'key.replayForward': ['+10 min', '+10 phút'],
  'key.replayForward.help': [
    'jump 10 recorded minutes ahead, or to the next event after a quiet stretch',
    'nhảy tới 10 phút ghi, hoặc tới sự kiện kế tiếp sau quãng lặng',
  ],
  'key.replayBack': ['−10 min', '−10 phút'],
  'key.replayBack.help': [
    'go back 10 recorded minutes (the recording is played again up to there)',
    'lùi lại 10 phút của bản ghi (bản ghi được phát lại đến thời điểm đó)',
  ],
  'key.replayStart.help': ['go back to the first recorded event', 'về sự kiện đầu tiên của bản ghi'],
  'key.replayEnd.help': ['jump to the last recorded event', 'nhảy tới sự kiện ghi cuối cùng'],
  'key.replayGoto.help': [
    'jump to a time typed after it, ahead or back: HH:MM, or YYYY-MM-DD HH:MM (Vietnam time)',
    'nhảy tới thời điểm gõ sau phím này, tới hoặc lùi: HH:MM, hoặc YYYY-MM-DD HH:MM (giờ Việt Nam)',
  ],
  'replay.gotoPrompt': ['Go to (HH:MM or YYYY-MM-DD HH:MM): ', 'Tới lúc (HH:MM hoặc YYYY-MM-DD HH:MM): '],
  'flash.timeBad': [
    '“{text}” is not a time: type HH:MM or YYYY-MM-DD HH:MM',
    '“{text}” không phải thời điểm: gõ HH:MM hoặc YYYY-MM-DD HH:MM',
  ],
  'key.move': ['move', 'di chuyển'],
} satisfies Messages;
