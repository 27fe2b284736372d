/** `hubmon console --help`, in English and Vietnamese. */
import type { Help } from './help.js';

export const consoleHelp: Help = {
  summary: [
    'watch a hub live (the default; no --url: the simulated hub, DEMO)',
    'theo dõi trực tiếp một trục (mặc định; không có --url: trục mô phỏng, DEMO)',
  ],
  usage: '[console]',
  about: [
    `Watches a hub's telemetry live. With no hub given (no --url, HUBMON_URL or config file url)
it starts the built-in simulated hub and says DEMO in the header.`,
    `Theo dõi trực tiếp số liệu giám sát của một trục. Khi không chỉ định trục (không có --url,
HUBMON_URL hay url trong tệp thiết lập), chương trình chạy trục mô phỏng sẵn có và ghi DEMO
trên dòng tiêu đề.`,
  ],
  options: [
    `  --url URL            hub telemetry endpoint, ws://HOST:PORT/v1/telemetry or wss://…
  --cache PATH         cache file (default: one per hub under $XDG_CACHE_HOME/hubmon/;
                       the demo uses a throw-away file)
  --token-file PATH    file holding the hub's bearer token (must not be readable by others);
                       or set HUBMON_TOKEN. Never give the token itself on the command line.
  --ca FILE            extra CA certificate(s), PEM, to verify a wss:// hub
  --lang vi|en         interface language (default: --lang, HUBMON_LANG, config file, then
                       LC_ALL, LC_MESSAGES, LANG)
  --ascii              fold diacritics and line drawing for terminals without Unicode
  --stale-after SECS   no message for this long: the link is stale (default 3 heartbeats)
  --seed N             seed of the simulated hub in DEMO mode              (default 1)
  --config PATH        settings file (default $XDG_CONFIG_HOME/hubmon/config.json)
  -V, --version        show the version

Settings come from flags, then HUBMON_URL, HUBMON_CACHE, HUBMON_LANG, HUBMON_ASCII, then the
config file, then defaults. NO_COLOR turns colour off. Alert thresholds are read from
$XDG_CONFIG_HOME/hubmon/alerts.json (see docs/ALERTS.md). Press ? in the console for its keys.`,
    `  --url URL            địa chỉ nhận số liệu của trục, ws://MÁY:CỔNG/v1/telemetry hoặc wss://…
  --cache ĐƯỜNG_DẪN    tệp bộ đệm (mặc định: mỗi trục một tệp trong $XDG_CACHE_HOME/hubmon/;
                       chế độ DEMO dùng một tệp tạm)
  --token-file ĐƯỜNG_DẪN
                       tệp chứa mã truy cập (bearer token) của trục (người khác không được đọc);
                       hoặc đặt HUBMON_TOKEN. Không bao giờ ghi mã truy cập trên dòng lệnh.
  --ca TỆP             chứng thư CA bổ sung, dạng PEM, để xác thực trục wss://
  --lang vi|en         ngôn ngữ giao diện (mặc định: --lang, HUBMON_LANG, tệp thiết lập, rồi
                       LC_ALL, LC_MESSAGES, LANG)
  --ascii              bỏ dấu tiếng Việt và ký tự kẻ khung, cho cửa sổ dòng lệnh không có Unicode
  --stale-after GIÂY   không có bản tin trong chừng ấy giây: coi là dữ liệu cũ (mặc định 3 nhịp)
  --seed N             hạt giống của trục mô phỏng ở chế độ DEMO          (mặc định 1)
  --config ĐƯỜNG_DẪN   tệp thiết lập (mặc định $XDG_CONFIG_HOME/hubmon/config.json)
  -V, --version        hiện phiên bản

Thiết lập lấy từ tùy chọn dòng lệnh, rồi HUBMON_URL, HUBMON_CACHE, HUBMON_LANG, HUBMON_ASCII,
rồi tệp thiết lập, rồi giá trị mặc định. NO_COLOR tắt màu. Ngưỡng cảnh báo đọc từ
$XDG_CONFIG_HOME/hubmon/alerts.json (xem docs/ALERTS.md). Bấm ? trong bảng theo dõi để xem phím.`,
  ],
  examples: [
    [
      'hubmon                                             # DEMO: simulated hub',
      'hubmon                                             # DEMO: trục mô phỏng',
    ],
    'hubmon --url wss://truc.example.gov.vn/v1/telemetry --token-file ~/.config/hubmon/token',
  ],
};
