/** `hubmon status --help` and `hubmon report --help` (the commands that read a cache), in English and Vietnamese. */
import type { Help } from './help.js';

export const statusHelp: Help = {
  summary: [
    'one-shot check for Nagios/Icinga/Zabbix: exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN',
    'kiểm tra một lần cho Nagios/Icinga/Zabbix: mã thoát 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN',
  ],
  usage: 'status',
  about: [
    `A one-shot check for the monitoring a hub already runs (Nagios, Icinga, Zabbix, cron), by the
same alert rules and thresholds as the console. It reads the cache and, when a hub URL is
known, first brings the cache up to date from the hub (connect, catch up, stop); it answers
within the timeout. If a console is running on the same cache, the check only reads it: the
console keeps it fresh, and the check reports the console's own incidents and acknowledgements.

Output follows the monitoring-plugin conventions: one line
  HUBMON <STATE> - <summary> | <perfdata>
then one line per firing or pending alert and what the check was based on.
Perfdata (label=value[UOM];warn;crit;min;max): servers_down, servers_degraded,
servers_flapping (up while their flapping alert fires; with servers_degraded, the console's
"weak"), sig_fail_pct (national, over the signature rule's window), overdue, due_24h,
delivery_failures (1 h), alerts_critical, alerts_warning, alerts_pending, lag (events
behind the hub), age (seconds since the newest stored event), rejections. UNKNOWN prints
only the values it has: none when the cache holds nothing; when it is too old to judge, its
age (and lag, when the hub answered late).

Exit status:
  0 OK        no alert firing
  1 WARNING   a warning alert firing, none critical
  2 CRITICAL  a critical alert firing (e.g. a security server down for more than 2 min)
  3 UNKNOWN   no data; the hub did not answer and the cache is older than --max-age;
              a bad option, settings file or alert thresholds file`,
    `Kiểm tra một lần cho hệ thống giám sát sẵn có (Nagios, Icinga, Zabbix, cron), theo cùng quy
tắc và ngưỡng cảnh báo như bảng theo dõi. Lệnh đọc bộ đệm và, khi biết địa chỉ trục, trước hết
cập nhật bộ đệm từ trục (kết nối, bắt kịp, dừng); lệnh trả lời trong thời gian chờ. Nếu một bảng
theo dõi đang chạy trên cùng bộ đệm, lệnh chỉ đọc: bảng theo dõi giữ cho bộ đệm luôn mới, và lệnh
báo chính các sự cố và các xác nhận của bảng theo dõi đó.

Kết quả theo quy ước của plugin giám sát: một dòng
  HUBMON <TRẠNG_THÁI> - <tóm tắt> | <perfdata>
rồi mỗi cảnh báo đang báo hoặc đang chờ một dòng, và căn cứ của lần kiểm tra.
Perfdata (nhãn=giá_trị[đơn_vị];warn;crit;min;max): servers_down, servers_degraded,
servers_flapping (đang kết nối nhưng cảnh báo chập chờn đang báo; cộng servers_degraded là số
"yếu" của bảng điều khiển), sig_fail_pct (toàn quốc, trong khung thời gian của quy tắc chữ
ký số), overdue, due_24h, delivery_failures (1 giờ), alerts_critical, alerts_warning,
alerts_pending, lag (số sự kiện chậm hơn trục), age (số giây từ sự kiện mới nhất đã lưu),
rejections. UNKNOWN chỉ in các giá trị có được: không in gì khi bộ đệm trống; khi bộ đệm quá
cũ để đánh giá, chỉ age (và lag, khi trục trả lời chậm).

Mã thoát:
  0 OK        không có cảnh báo nào đang báo
  1 WARNING   có cảnh báo (CB) đang báo, không có cảnh báo khẩn
  2 CRITICAL  có cảnh báo khẩn đang báo (ví dụ máy chủ bảo mật mất kết nối quá 2 phút)
  3 UNKNOWN   không có số liệu; trục không trả lời và bộ đệm cũ hơn --max-age;
              tùy chọn, tệp thiết lập hoặc tệp ngưỡng cảnh báo sai`,
  ],
  options: [
    `  --url URL          hub telemetry URL, ws:// or wss://   (default: HUBMON_URL, config file)
  --cache PATH       cache file                          (default: the hub's own under
                                                          $XDG_CACHE_HOME/hubmon, or the only
                                                          cache there when no hub is given)
  --timeout SECONDS  the longest the check takes, hub included          (default 8)
  --max-age SECONDS  without the hub, a cache whose newest event is older than this is
                     UNKNOWN                             (default 600)
  --source FILE      judge a recorded stream (hubmon record) instead of a cache, as of its
                     last event; no hub is asked
  --alerts PATH      alert thresholds file               (default $XDG_CONFIG_HOME/hubmon/alerts.json)
  --token-file PATH  bearer token for the hub (or HUBMON_TOKEN); never on the command line
  --ca PATH          extra CA certificate(s), PEM, for wss://
  --config PATH      settings file                       (default $XDG_CONFIG_HOME/hubmon/config.json)
  --lang vi|en       language of the output               (default: from LANG)
  --json             print the same result as a JSON document (exit status unchanged)`,
    `  --url URL          địa chỉ nhận số liệu của trục, ws:// hoặc wss://  (mặc định: HUBMON_URL,
                                                          tệp thiết lập)
  --cache ĐƯỜNG_DẪN  tệp bộ đệm                          (mặc định: bộ đệm của trục trong
                                                          $XDG_CACHE_HOME/hubmon, hoặc bộ đệm
                                                          duy nhất ở đó khi không chỉ định trục)
  --timeout GIÂY     thời gian dài nhất của lần kiểm tra, kể cả chờ trục (mặc định 8)
  --max-age GIÂY     khi không có trục, bộ đệm có sự kiện mới nhất cũ hơn chừng này là
                     UNKNOWN                             (mặc định 600)
  --source TỆP       đánh giá một bản ghi (hubmon record) thay cho bộ đệm, tính đến sự kiện
                     cuối cùng của nó; không hỏi trục
  --alerts ĐƯỜNG_DẪN tệp ngưỡng cảnh báo                 (mặc định $XDG_CONFIG_HOME/hubmon/alerts.json)
  --token-file ĐƯỜNG_DẪN
                     mã truy cập của trục (hoặc HUBMON_TOKEN); không bao giờ trên dòng lệnh
  --ca ĐƯỜNG_DẪN     chứng thư CA bổ sung, dạng PEM, cho wss://
  --config ĐƯỜNG_DẪN tệp thiết lập                       (mặc định $XDG_CONFIG_HOME/hubmon/config.json)
  --lang vi|en       ngôn ngữ của kết quả                 (mặc định: theo LANG)
  --json             in cùng kết quả dưới dạng tài liệu JSON (mã thoát không đổi)`,
  ],
  examples: [
    'hubmon status --url wss://truc.example.gov.vn/v1/telemetry --token-file ~/.config/hubmon/token',
    'hubmon status --cache /var/cache/hubmon/hub.sqlite --max-age 300 --json',
    ['# Nagios/Icinga command definition:', '# Khai báo lệnh trong Nagios/Icinga:'],
    '#   command_line  /usr/bin/hubmon status --url $ARG1$ --timeout 8',
  ],
};

export const reportHelp: Help = {
  summary: [
    'per-agency tables for a period (Markdown, CSV for spreadsheets, JSON)',
    'bảng số liệu theo cơ quan cho một khoảng thời gian (Markdown, CSV cho bảng tính, JSON)',
  ],
  usage: ['report --from DATE --to DATE', 'report --from NGÀY --to NGÀY'],
  about: [
    `The next-morning tables: one row per agency in the shape of the appendices of the hub's own
reports — documents sent and received, the share processed (status 03–06 reported), documents
with a reply deadline, answered, answered on time and not answered, documents with a valid
digital signature and their share, the status codes the agency reports back, and the downtime
of its security server — with a totals row (Tổng cộng). Figures come from the cache (or a
recording with --source); nothing is asked of the hub.

Period: days are Vietnam days (Asia/Ho_Chi_Minh), whatever the machine's zone.
  --from 2019-01-01 --to 2019-08-12    both days included (also 01/01/2019, 12/08/2019)
  --from 2026-11-20T08:00:00+07:00 --to 2026-11-20T12:00:00+07:00
                                       instants: the end is exclusive
Processed and deadline columns count documents delivered in the period; answers are counted
up to its end. They reach back as far as the cache keeps documents (90 days by default);
sent, received, signatures and statuses as far as its hourly rollups (400 days).

Rows are listed as the seeds list them: the Party Central Office, then ministries and
ministry-level bodies, then provinces, each by identifier (provinces are numbered in
alphabetical order); lower levels follow their top-level unit. --sort sent lists the
busiest first (as the seed 000 appendix), --sort signed the best signed share first (as
seed 002, table V).

In CSV every number column holds plain numbers, the totals row too (downtime in seconds); the
statuses and security server columns are text and left empty in the totals row (--format json
keeps those totals).`,
    `Các bảng số liệu cho sáng hôm sau: mỗi cơ quan một dòng, theo mẫu các phụ lục trong báo cáo
của chính Trục — số văn bản đã gửi và đã nhận, tỷ lệ đã tiếp nhận, xử lý (đã báo trạng thái
03–06), văn bản có thời hạn phải trả lời, đã trả lời, trả lời đúng hạn và chưa trả lời, văn bản
có ký số hợp lệ và tỷ lệ, các mã trạng thái cơ quan gửi lại, và thời gian mất kết nối của máy
chủ bảo mật — kèm dòng Tổng cộng. Số liệu lấy từ bộ đệm (hoặc từ bản ghi với --source); không
hỏi gì trục.

Khoảng thời gian: ngày tính theo giờ Việt Nam (Asia/Ho_Chi_Minh), bất kể múi giờ của máy.
  --from 2019-01-01 --to 2019-08-12    gồm cả hai ngày (cũng viết 01/01/2019, 12/08/2019)
  --from 2026-11-20T08:00:00+07:00 --to 2026-11-20T12:00:00+07:00
                                       thời điểm: không tính thời điểm kết thúc
Các cột xử lý và thời hạn đếm văn bản đã nhận trong khoảng; văn bản trả lời được đếm đến hết
khoảng. Các cột này lùi về xa nhất đến nơi bộ đệm còn giữ văn bản (mặc định 90 ngày); số đã
gửi, đã nhận, chữ ký số và trạng thái lùi xa đến nơi còn số liệu tổng hợp theo giờ (400 ngày).

Thứ tự dòng như trong các báo cáo: Văn phòng Trung ương Đảng, rồi các bộ, cơ quan ngang bộ,
rồi các tỉnh, thành phố, mỗi nhóm theo mã định danh (tỉnh đánh số theo thứ tự chữ cái); cấp
dưới theo sau đơn vị cấp trên của mình. --sort sent xếp nơi gửi nhiều nhất lên đầu (như phụ
lục báo cáo 000), --sort signed xếp tỷ lệ ký số cao nhất lên đầu (như bảng V báo cáo 002).

Trong CSV mọi cột số chỉ chứa số, kể cả dòng tổng (thời gian mất kết nối tính bằng giây); cột
trạng thái và cột máy chủ bảo mật là chữ, để trống ở dòng tổng (--format json vẫn có các số
tổng đó).`,
  ],
  options: [
    `  --from DATE        first day (or instant) of the period            (required)
  --to DATE          last day (or exclusive end instant)             (required)
  --level N          government level listed: 1 ministries and provinces, 2 departments
                     and districts, 3 and 4 below                    (default 1)
  --format FMT       md (Markdown pipe table), csv (UTF-8 with BOM, RFC 4180, CRLF: opens
                     right in a spreadsheet) or json                  (default md)
  --config PATH      settings file                    (default $XDG_CONFIG_HOME/hubmon/config.json)
  --lang vi|en       headers and words                               (default: from LANG)
  --sort ORDER       id, sent or signed                              (default id)
  --url URL          hub whose cache to read                         (default: HUBMON_URL,
                                                                      config file)
  --cache PATH       cache file to read              (default: the hub's, or the only cache
                                                      under $XDG_CACHE_HOME/hubmon)
  --source FILE      read a recording (hubmon record) instead of a cache
  --output FILE      write to FILE instead of standard output`,
    `  --from NGÀY        ngày (hoặc thời điểm) đầu của khoảng            (bắt buộc)
  --to NGÀY          ngày cuối (hoặc thời điểm kết thúc, không tính) (bắt buộc)
  --level N          cấp được liệt kê: 1 bộ, ngành và tỉnh; 2 sở, ngành và huyện;
                     3 và 4 thấp hơn                                 (mặc định 1)
  --format ĐỊNH_DẠNG md (bảng Markdown), csv (UTF-8 có BOM, RFC 4180, CRLF: mở đúng trong
                     bảng tính) hoặc json                            (mặc định md)
  --config ĐƯỜNG_DẪN tệp thiết lập                    (mặc định $XDG_CONFIG_HOME/hubmon/config.json)
  --lang vi|en       tiêu đề cột và chữ                              (mặc định: theo LANG)
  --sort THỨ_TỰ      id, sent hoặc signed                            (mặc định id)
  --url URL          trục có bộ đệm cần đọc                          (mặc định: HUBMON_URL,
                                                                      tệp thiết lập)
  --cache ĐƯỜNG_DẪN  tệp bộ đệm cần đọc             (mặc định: của trục, hoặc bộ đệm duy
                                                      nhất trong $XDG_CACHE_HOME/hubmon)
  --source TỆP       đọc một bản ghi (hubmon record) thay cho bộ đệm
  --output TỆP       ghi ra TỆP thay cho đầu ra chuẩn`,
  ],
  examples: [
    'hubmon report --from 2026-11-01 --to 2026-11-30 --format csv --output thang-11.csv',
    'hubmon report --from 20/11/2026 --to 20/11/2026 --lang en --sort signed',
  ],
};
