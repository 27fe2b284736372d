/**
 * Every line `hubmon gateway` writes, in English and Vietnamese (the seeds' terms: máy chủ
 * bảo mật, cơ quan, mã định danh). The language comes from `--lang`, HUBMON_LANG or the locale.
 */
import type { Lang } from '../../config/index.js';

export interface GatewayText {
  readonly summary: string;
  readonly help: string;
  readonly missing: (flag: string) => string;
  readonly badFlags: (detail: string) => string;
  readonly tokenOnCommandLine: string;
  readonly badClient: (value: string) => string;
  readonly badUrl: (flag: string, value: string) => string;
  readonly badNumber: (flag: string, min: number, value: string) => string;
  readonly badDuration: (flag: string, value: string) => string;
  readonly badLang: (value: string) => string;
  readonly tokenProblem: (detail: string) => string;
  readonly globalconfProblem: (detail: string) => string;
  readonly globalconfKind: Record<
    'not_found' | 'no_instance' | 'not_shared_params',
    (subject: string, instance: string) => string
  >;
  readonly dbProblem: (file: string, detail: string) => string;
  readonly seeHelp: string;
  readonly listening: (url: string, epoch: string, db: string) => string;
  readonly polling: (servers: number, agencies: number, every: string) => string;
  readonly stopped: string;
  readonly checkRegistry: (file: string, agencies: number, skipped: number) => string;
  readonly checkOk: (id: string, ms: number) => string;
  readonly checkFailed: (id: string, error: string) => string;
  readonly checkSummary: (ok: number, all: number) => string;
  readonly noteSkipped: (count: number, examples: string) => string;
  readonly noteNotRead: (error: string) => string;
  readonly noteState: Record<'connected' | 'degraded' | 'disconnected', string>;
  readonly noteSetAside: (server: string, count: number, reason: string) => string;
}

const en: GatewayText = {
  summary: 'serve the telemetry of a real X-Road-based hub',
  help: `Usage: hubmon gateway [options]

Serves ws://HOST:PORT/v1/telemetry (docs/PROTOCOL.md) from a real X-Road-based hub: the
registry from X-Road global configuration, document exchanges from each security server's
operational monitoring (getSecurityServerOperationalData), server state from its health data,
certificates and the gateway's own polls. Events are numbered in the gateway's SQLite file and
survive restarts. Runs until Ctrl-C (SIGINT) or SIGTERM. See docs/GATEWAY.md.

Options:
  --globalconf PATH        shared-params.xml, or the folder a security server keeps
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
  --lang vi|en             language of these messages                       (default from LANG)
  -h, --help               show this help

Example:
  hubmon gateway --globalconf /etc/xroad/globalconf --client VN/GOV/000.00.00.G22/GIAMSAT \\
    --security-server http://127.0.0.1:8080 --documents sendEdoc --token-file /etc/hubmon/token
`,
  missing: (flag) => `${flag} is required`,
  badFlags: (detail) => detail,
  tokenOnCommandLine:
    '--token: the token is never taken on the command line, where ps and shell history would show it; give --token-file PATH',
  badClient: (v) => `--client must be INSTANCE/CLASS/MEMBER/SUBSYSTEM, got "${v}"`,
  badUrl: (flag, v) => `${flag} must be an http:// or https:// URL, got "${v}"`,
  badNumber: (flag, min, v) => `${flag} must be a whole number ≥ ${min}, got "${v}"`,
  badDuration: (flag, v) => `${flag} must be a duration like 30s, 5m or 1h, got "${v}"`,
  badLang: (v) => `--lang must be vi or en, got "${v}"`,
  tokenProblem: (d) => `token: ${d}`,
  globalconfProblem: (d) => `global configuration: ${d}`,
  globalconfKind: {
    not_found: (p) => `no such file or folder: ${p}`,
    no_instance: (p, i) => `no shared-params.xml for instance ${i} in ${p}`,
    not_shared_params: () => 'expected shared parameters (conf with instanceIdentifier), got another document',
  },
  dbProblem: (f, d) => `cannot open the gateway's file ${f}: ${d}`,
  seeHelp: 'Run "hubmon gateway --help" for usage.',
  listening: (url, epoch, db) => `hubmon gateway: listening on ${url} (epoch ${epoch}, events in ${db})`,
  polling: (s, a, every) => `polling ${s} security servers every ${every}; ${a} agencies in the registry`,
  stopped: 'hubmon gateway: stopped',
  checkRegistry: (f, a, s) => `global configuration ${f}: ${a} agencies (${s} members or subsystems are no agencies)`,
  checkOk: (id, ms) => `  ok      ${id}  answered in ${ms} ms`,
  checkFailed: (id, e) => `  FAILED  ${id}  ${e}`,
  checkSummary: (ok, all) => `${ok} of ${all} security servers reachable`,
  noteSkipped: (n, ex) => `global configuration: ${n} members or subsystems are no agencies (${ex}…)`,
  noteNotRead: (e) => `global configuration not read, the registry stays as it was: ${e}`,
  noteState: { connected: 'connected', degraded: 'degraded', disconnected: 'disconnected' },
  noteSetAside: (s, n, r) => `${s}: ${n} records set aside, not published (${r})`,
};

const vi: GatewayText = {
  summary: 'phục vụ dữ liệu giám sát của trục thật xây dựng trên X-Road',
  help: `Cách dùng: hubmon gateway [tùy chọn]

Phục vụ ws://HOST:PORT/v1/telemetry (docs/PROTOCOL.md) từ trục thật xây dựng trên X-Road: danh
mục cơ quan lấy từ cấu hình toàn cục của X-Road, các lượt trao đổi văn bản lấy từ giám sát vận
hành của từng máy chủ bảo mật (getSecurityServerOperationalData), trạng thái máy chủ lấy từ dữ
liệu sức khỏe, chứng thư số và các lần hỏi của chính gateway. Sự kiện được đánh số trong tệp
SQLite của gateway và giữ nguyên khi khởi động lại. Chạy đến khi Ctrl-C (SIGINT) hoặc SIGTERM.
Xem docs/GATEWAY.md.

Tùy chọn:
  --globalconf PATH        shared-params.xml, hoặc thư mục máy chủ bảo mật lưu nó
                           (/etc/xroad/globalconf); đọc lại khi thay đổi             (bắt buộc)
  --client ID              máy khách giám sát trung tâm, INSTANCE/CLASS/MEMBER/SUBSYSTEM (bắt buộc)
  --security-server URL    máy chủ bảo mật của chính gateway, http(s)://…            (bắt buộc)
  --documents CODE,…       mã dịch vụ mang văn bản (có thể lặp lại)                  (bắt buộc)
  --db FILE                sự kiện của gateway  (mặc định $XDG_STATE_HOME/hubmon/gateway.sqlite)
  --host H                 địa chỉ lắng nghe                               (mặc định 127.0.0.1)
  --port P                 cổng lắng nghe; 0 để chọn cổng trống            (mặc định 8788)
  --token-file PATH        yêu cầu "Authorization: Bearer <token>" (tệp quyền 600)
  --poll-interval DUR      khoảng cách giữa hai lần hỏi một máy chủ        (mặc định 30s)
  --timeout DUR            lần hỏi không có trả lời trong thời gian này là lỗi (mặc định 10s)
  --disconnect-after DUR   hỏi lỗi liên tục chừng này: mất kết nối         (mặc định 5m)
  --records-offset SEC     số giây gần hiện tại không hỏi, vì X-Road có thể
                           còn đang ghi                                    (mặc định 60)
  --backfill DUR           lịch sử đọc từ máy chủ lần đầu gặp              (mặc định 1h)
  --buffer N               số sự kiện giữ cho bảng điều khiển nối lại      (mặc định 200000)
  --heartbeat-ms MS        thời gian rảnh trước khi gửi nhịp tim           (mặc định 5000)
  --hub-name NAME          tên trục hiển thị trên bảng điều khiển          (mặc định X-Road INSTANCE)
  --check                  cho biết gateway kết nối được những gì rồi thoát (0: tất cả)
  --lang vi|en             ngôn ngữ của các thông báo này                  (mặc định theo LANG)
  -h, --help               hiện trợ giúp này

Ví dụ:
  hubmon gateway --globalconf /etc/xroad/globalconf --client VN/GOV/000.00.00.G22/GIAMSAT \\
    --security-server http://127.0.0.1:8080 --documents sendEdoc --token-file /etc/hubmon/token
`,
  missing: (flag) => `thiếu ${flag} (bắt buộc)`,
  badFlags: (detail) => `tùy chọn không hợp lệ: ${detail}`,
  tokenOnCommandLine:
    '--token: không bao giờ nhận mã thông báo trên dòng lệnh, nơi ps và lịch sử shell sẽ lộ nó; hãy dùng --token-file PATH',
  badClient: (v) => `--client phải có dạng INSTANCE/CLASS/MEMBER/SUBSYSTEM, nhận được "${v}"`,
  badUrl: (flag, v) => `${flag} phải là địa chỉ http:// hoặc https://, nhận được "${v}"`,
  badNumber: (flag, min, v) => `${flag} phải là số nguyên ≥ ${min}, nhận được "${v}"`,
  badDuration: (flag, v) => `${flag} phải là khoảng thời gian như 30s, 5m hoặc 1h, nhận được "${v}"`,
  badLang: (v) => `--lang phải là vi hoặc en, nhận được "${v}"`,
  tokenProblem: (d) => `mã thông báo (token): ${d}`,
  globalconfProblem: (d) => `cấu hình toàn cục: ${d}`,
  globalconfKind: {
    not_found: (p) => `không có tệp hoặc thư mục ${p}`,
    no_instance: (p, i) => `không có shared-params.xml của instance ${i} trong ${p}`,
    not_shared_params: () => 'tệp không phải tham số dùng chung (conf có instanceIdentifier)',
  },
  dbProblem: (f, d) => `không mở được tệp của gateway ${f}: ${d}`,
  seeHelp: 'Chạy "hubmon gateway --help" để xem cách dùng.',
  listening: (url, epoch, db) => `hubmon gateway: đang lắng nghe tại ${url} (epoch ${epoch}, sự kiện lưu trong ${db})`,
  polling: (s, a, every) => `hỏi ${s} máy chủ bảo mật mỗi ${every}; danh mục có ${a} cơ quan`,
  stopped: 'hubmon gateway: đã dừng',
  checkRegistry: (f, a, s) =>
    `cấu hình toàn cục ${f}: ${a} cơ quan (${s} thành viên hoặc hệ thống con không phải cơ quan)`,
  checkOk: (id, ms) => `  được    ${id}  trả lời sau ${ms} ms`,
  checkFailed: (id, e) => `  LỖI     ${id}  ${e}`,
  checkSummary: (ok, all) => `kết nối được ${ok} trên ${all} máy chủ bảo mật`,
  noteSkipped: (n, ex) => `cấu hình toàn cục: ${n} thành viên hoặc hệ thống con không phải cơ quan (${ex}…)`,
  noteNotRead: (e) => `không đọc được cấu hình toàn cục, giữ nguyên danh mục: ${e}`,
  noteState: { connected: 'kết nối', degraded: 'chập chờn', disconnected: 'mất kết nối' },
  noteSetAside: (s, n, r) => `${s}: ${n} bản ghi bị để riêng, không phát (${r})`,
};

export const gatewayText = (lang: Lang): GatewayText => (lang === 'vi' ? vi : en);
