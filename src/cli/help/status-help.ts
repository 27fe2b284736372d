/** `hubmon status --help`, in English and Vietnamese. */
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
Perfdata (label=value[UOM];warn;crit;min;max): servers_down, servers_degraded, sig_fail_pct
(national, over the signature rule's window), overdue, due_24h, delivery_failures (1 h),
alerts_critical, alerts_warning, alerts_pending, lag (events behind the hub), age (seconds
since the newest stored event), rejections. UNKNOWN prints only the values it has: none
when the cache holds nothing; when it is too old to judge, its age (and lag, when the hub
answered late).

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
Perfdata (nhãn=giá_trị[đơn_vị];warn;crit;min;max): servers_down, servers_degraded, sig_fail_pct
(toàn quốc, trong khung thời gian của quy tắc chữ ký số), overdue, due_24h, delivery_failures
(1 giờ), alerts_critical, alerts_warning, alerts_pending, lag (số sự kiện chậm hơn trục), age
(số giây từ sự kiện mới nhất đã lưu), rejections. UNKNOWN chỉ in các giá trị có được: không in
gì khi bộ đệm trống; khi bộ đệm quá cũ để đánh giá, chỉ age (và lag, khi trục trả lời chậm).

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
