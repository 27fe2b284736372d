/** `hubmon sim --help` and `hubmon gateway --help` (the hubs hubmon serves), in English and Vietnamese. */
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

export const gatewayHelp: Help = {
  summary: [
    'serve the telemetry of a real X-Road-based hub (docs/GATEWAY.md)',
    'phục vụ số liệu giám sát của trục thật xây dựng trên X-Road (docs/GATEWAY.md)',
  ],
  usage: 'gateway',
  about: [
    `Serves ws://HOST:PORT/v1/telemetry (docs/PROTOCOL.md) from a real X-Road-based hub: the
registry from X-Road global configuration, document exchanges from each security server's
operational monitoring (getSecurityServerOperationalData), server state from its health data,
certificates and the gateway's own polls. Events are numbered in the gateway's SQLite file and
survive restarts. Runs until Ctrl-C (SIGINT) or SIGTERM. See docs/GATEWAY.md.`,
    `Phục vụ ws://HOST:PORT/v1/telemetry (docs/PROTOCOL.md) từ trục thật xây dựng trên X-Road: danh
mục cơ quan lấy từ cấu hình toàn cục của X-Road, các lượt trao đổi văn bản lấy từ giám sát vận
hành của từng máy chủ bảo mật (getSecurityServerOperationalData), trạng thái máy chủ lấy từ dữ
liệu sức khỏe, chứng thư số và các lần hỏi của chính gateway. Sự kiện được đánh số trong tệp
SQLite của gateway và giữ nguyên khi khởi động lại. Chạy đến khi Ctrl-C (SIGINT) hoặc SIGTERM.
Xem docs/GATEWAY.md.`,
  ],
  options: [
    `  --globalconf PATH        shared-params.xml, or the folder a security server keeps
                           it in (/etc/xroad/globalconf); re-read when it changes   (required)
  --client ID              the central monitoring client, INSTANCE/CLASS/MEMBER/SUBSYSTEM (required)
  --security-server URL    the gateway's own security server, http(s)://…            (required)
  --documents CODE,…       service codes that carry documents (repeatable)           (required)
  --db FILE                the gateway's events    (default $XDG_STATE_HOME/hubmon/gateway.sqlite)
  --host H                 address to bind                                  (default 127.0.0.1)
  --port P                 port to listen on; 0 picks a free one            (default 8788)
  --token-file PATH        require "Authorization: Bearer <token>" (file mode 600)
  --poll-interval DUR      time between two polls of a server               (default 30s)
  --timeout DUR            a poll that has no answer within this fails      (default 10s)
  --disconnect-after DUR   polls failing this long: disconnected            (default 5m)
  --records-offset SEC     seconds before now never asked for, as X-Road
                           may still be writing them                        (default 60)
  --backfill DUR           history read from a server seen the first time   (default 1h)
  --buffer N               events kept for resuming consoles                (default 200000)
  --heartbeat-ms MS        idle time after which a console gets a heartbeat (default 5000)
  --hub-name NAME          the name consoles show                           (default X-Road INSTANCE)
  --check                  say what the gateway can reach, then exit (0: everything)
  --lang vi|en             language of these lines                          (default: from LANG)`,
    `  --globalconf ĐƯỜNG_DẪN   shared-params.xml, hoặc thư mục máy chủ bảo mật lưu nó
                           (/etc/xroad/globalconf); đọc lại khi thay đổi             (bắt buộc)
  --client ID              máy khách giám sát trung tâm, INSTANCE/CLASS/MEMBER/SUBSYSTEM (bắt buộc)
  --security-server URL    máy chủ bảo mật của chính gateway, http(s)://…            (bắt buộc)
  --documents CODE,…       mã dịch vụ mang văn bản (có thể lặp lại)                  (bắt buộc)
  --db TỆP                 sự kiện của gateway  (mặc định $XDG_STATE_HOME/hubmon/gateway.sqlite)
  --host H                 địa chỉ lắng nghe                               (mặc định 127.0.0.1)
  --port P                 cổng lắng nghe; 0 để chọn cổng trống            (mặc định 8788)
  --token-file ĐƯỜNG_DẪN   yêu cầu "Authorization: Bearer <token>" (tệp quyền 600)
  --poll-interval KHOẢNG   khoảng cách giữa hai lần hỏi một máy chủ        (mặc định 30s)
  --timeout KHOẢNG         lần hỏi không có trả lời trong thời gian này là lỗi (mặc định 10s)
  --disconnect-after KHOẢNG
                           hỏi lỗi liên tục chừng này: mất kết nối         (mặc định 5m)
  --records-offset GIÂY    số giây gần hiện tại không hỏi, vì X-Road có thể
                           còn đang ghi                                    (mặc định 60)
  --backfill KHOẢNG        lịch sử đọc từ máy chủ lần đầu gặp              (mặc định 1h)
  --buffer N               số sự kiện giữ cho bảng theo dõi nối lại        (mặc định 200000)
  --heartbeat-ms MS        thời gian rảnh trước khi gửi nhịp tim           (mặc định 5000)
  --hub-name TÊN           tên trục hiển thị trên bảng theo dõi            (mặc định X-Road INSTANCE)
  --check                  cho biết gateway kết nối được những gì rồi thoát (0: tất cả)
  --lang vi|en             ngôn ngữ của các thông báo này                  (mặc định theo LANG)`,
  ],
  examples: [
    'hubmon gateway --globalconf /etc/xroad/globalconf --client VN/GOV/000.00.00.G22/GIAMSAT \\',
    '  --security-server http://127.0.0.1:8080 --documents sendEdoc --token-file /etc/hubmon/token',
  ],
};
