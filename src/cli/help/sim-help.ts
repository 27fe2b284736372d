/** `hubmon sim --help`, in English and Vietnamese. */
import { DEFAULT_SEED } from '../../registry/index.js';
import type { Help } from './help.js';

export const simHelp: Help = {
  summary: [
    'run a simulated hub that streams realistic telemetry (demo, tests)',
    'chạy một trục mô phỏng phát số liệu giám sát như thật (trình diễn, kiểm thử)',
  ],
  usage: 'sim',
  about: [
    `Runs a simulated hub: a WebSocket server speaking telemetry protocol v1 that streams
realistic traffic for the agency registry (office-hours rhythm in Vietnam time, status
progressions, deadline replies) and a scripted set of incidents within the first minutes:
a security server dropping off, a flapping one, a signature-failure burst, an agency that
stops reporting statuses, duplicate sends, and a pile of overdue replies.
It prints the URL it listens on and runs until Ctrl-C (SIGINT) or SIGTERM.`,
    `Chạy một trục mô phỏng: máy chủ WebSocket nói giao thức số liệu giám sát v1, phát lưu lượng
như thật cho danh mục cơ quan (nhịp giờ hành chính theo giờ Việt Nam, các trạng thái xử lý,
văn bản trả lời theo hạn) và một loạt sự cố định sẵn trong những phút đầu: một máy chủ bảo
mật mất kết nối, một máy chủ chập chờn, một đợt lỗi chữ ký số, một cơ quan ngừng gửi trạng
thái, văn bản gửi trùng và nhiều văn bản quá hạn trả lời.
Chương trình in địa chỉ đang lắng nghe và chạy cho đến khi bấm Ctrl-C (SIGINT) hoặc SIGTERM.`,
  ],
  options: [
    `  --port P            port to listen on, 0…65535; 0 picks a free one   (default 8787)
  --host H            address to bind                                  (default 127.0.0.1)
  --seed S            same seed and start, same stream                 (default ${DEFAULT_SEED})
  --speed X           simulated seconds per real second                (default 1)
  --agencies N        agencies in the registry; 95 is the top level,
                      more adds departments, districts, communes       (default 95, max ~12000)
  --start TIME        simulated start, ISO 8601                        (default now)
  --history DURATION  traffic generated before the start, e.g. 90m, 2h (default 1h)
  --buffer N          durable events kept for resuming clients         (default 500000)
  --heartbeat-ms MS   idle time after which a client gets a heartbeat  (default 5000)
  --batch N           most messages per frame                          (default 500)
  --record FILE       also write the stream to FILE as NDJSON
  --replay FILE       serve a recording instead of simulating; with --speed it is
                      paced by its timestamps, without it served at once
  --token-file PATH   require "Authorization: Bearer <token>" (file mode 600)
  --lang vi|en        language of these lines                          (default: from LANG)`,
    `  --port P            cổng lắng nghe, 0…65535; 0 để tự chọn cổng trống (mặc định 8787)
  --host H            địa chỉ lắng nghe                                (mặc định 127.0.0.1)
  --seed S            cùng hạt giống và thời điểm bắt đầu, cùng dòng số liệu
                                                                       (mặc định ${DEFAULT_SEED})
  --speed X           số giây mô phỏng cho mỗi giây thực               (mặc định 1)
  --agencies N        số cơ quan trong danh mục; 95 là cấp trung ương và tỉnh,
                      nhiều hơn thêm sở, huyện, xã                     (mặc định 95, tối đa ~12000)
  --start THỜI_ĐIỂM   thời điểm bắt đầu mô phỏng, ISO 8601             (mặc định: bây giờ)
  --history KHOẢNG    lưu lượng tạo trước thời điểm bắt đầu, ví dụ 90m, 2h (mặc định 1h)
  --buffer N          số sự kiện giữ lại cho máy khách nối lại         (mặc định 500000)
  --heartbeat-ms MS   sau chừng ấy ms không có gì, máy khách nhận một nhịp (mặc định 5000)
  --batch N           số bản tin tối đa trong một khung                (mặc định 500)
  --record TỆP        đồng thời ghi dòng số liệu vào TỆP dạng NDJSON
  --replay TỆP        phát một bản ghi thay cho mô phỏng; có --speed thì theo nhịp thời
                      gian của bản ghi, không có thì phát ngay một lần
  --token-file ĐƯỜNG_DẪN
                      yêu cầu "Authorization: Bearer <mã>" (tệp có quyền 600)
  --lang vi|en        ngôn ngữ của các dòng in ra                      (mặc định: theo LANG)`,
  ],
  examples: [
    'hubmon sim --port 8787 --seed 7 --speed 60',
    [
      'hubmon --url ws://127.0.0.1:8787/v1/telemetry      # in another terminal',
      'hubmon --url ws://127.0.0.1:8787/v1/telemetry      # trong một cửa sổ khác',
    ],
  ],
};
