/** `hubmon record --help` and `hubmon replay --help`, in English and Vietnamese. */
import type { Help } from './help.js';

export const recordHelp: Help = {
  summary: [
    'write the live telemetry stream to an NDJSON file until Ctrl-C',
    'ghi dòng số liệu giám sát trực tiếp vào tệp NDJSON cho đến khi bấm Ctrl-C',
  ],
  usage: ['record FILE', 'record TỆP'],
  about: [
    `Writes the hub's live telemetry to FILE as NDJSON — one protocol message per line: the hello,
the registry, then every event as it arrives — until Ctrl-C (SIGINT) or SIGTERM. A dropped
link is resumed where it stopped, so each event is in the file once. The file can be replayed
in the console (hubmon replay FILE), served by the simulated hub (hubmon sim --replay FILE),
and judged or tabulated (hubmon status --source FILE, hubmon report --source FILE).
An existing FILE is not overwritten unless --force is given.`,
    `Ghi số liệu giám sát trực tiếp của trục vào TỆP dạng NDJSON — mỗi dòng một bản tin giao thức:
lời chào, danh mục, rồi từng sự kiện khi nó đến — cho đến khi bấm Ctrl-C (SIGINT) hoặc SIGTERM.
Kết nối bị ngắt được nối lại từ chỗ dừng, nên mỗi sự kiện chỉ có một lần trong tệp. Tệp có thể
được phát lại trong bảng theo dõi (hubmon replay TỆP), phát bởi trục mô phỏng (hubmon sim
--replay TỆP), và dùng để đánh giá hay lập bảng (hubmon status --source TỆP, hubmon report
--source TỆP). TỆP đã có không bị ghi đè trừ khi có --force.`,
  ],
  options: [
    `  --url URL          hub telemetry URL, ws:// or wss://    (default: HUBMON_URL, config file)
  --since N          start after event N (0: everything the hub still holds)   (default 0)
  --token-file PATH  bearer token for the hub (or HUBMON_TOKEN)
  --force            overwrite FILE if it exists
  --config PATH      settings file         (default $XDG_CONFIG_HOME/hubmon/config.json)
  --lang vi|en       language of these lines               (default: from LANG)`,
    `  --url URL          địa chỉ nhận số liệu của trục, ws:// hoặc wss://  (mặc định: HUBMON_URL,
                                                            tệp thiết lập)
  --since N          bắt đầu sau sự kiện N (0: mọi thứ trục còn giữ)   (mặc định 0)
  --token-file ĐƯỜNG_DẪN
                     mã truy cập của trục (hoặc HUBMON_TOKEN)
  --force            ghi đè TỆP nếu đã có
  --config ĐƯỜNG_DẪN tệp thiết lập         (mặc định $XDG_CONFIG_HOME/hubmon/config.json)
  --lang vi|en       ngôn ngữ của các dòng in ra             (mặc định: theo LANG)`,
  ],
  examples: ['hubmon record su-co-2026-11-20.ndjson --url wss://truc.example.gov.vn/v1/telemetry'],
};

export const replayHelp: Help = {
  summary: [
    'replay a recorded stream in the console, with pause, step and speed keys',
    'phát lại một bản ghi trong bảng theo dõi, có phím tạm dừng, từng bước và tốc độ',
  ],
  usage: ['replay FILE', 'replay TỆP'],
  about: [
    `Opens a recording (hubmon record, hubmon sim --record) in the console, on the recording's own
clock: every screen shows what it showed live at that moment, alerts included. The events are
fed into a temporary cache, removed on exit. Times are Vietnam time (UTC+7), as on the screen.

Time controls (pause, step, speed, jumps ahead and back): listed with the console's own keys under ?
and in the key hints.`,
    `Mở một bản ghi (hubmon record, hubmon sim --record) trong bảng theo dõi, theo đồng hồ của chính
bản ghi: mỗi màn hình hiện đúng những gì nó đã hiện trực tiếp vào lúc đó, kể cả cảnh báo. Các sự
kiện được nạp vào một bộ đệm tạm, xóa khi thoát. Giờ là giờ Việt Nam (UTC+7), như trên màn hình.

Phím điều khiển thời gian (tạm dừng, từng bước, tốc độ, nhảy tới và lùi lại): xem cùng các phím của
bảng theo dõi dưới ? và trong dòng gợi ý phím.`,
  ],
  options: [
    `  --speed X     recorded seconds per real second, 1…3600          (default 60)
  --lang vi|en  console language                                  (default: from LANG)`,
    `  --speed X     số giây ghi được cho mỗi giây thực, 1…3600        (mặc định 60)
  --lang vi|en  ngôn ngữ bảng theo dõi                            (mặc định: theo LANG)`,
  ],
  examples: ['hubmon replay su-co-2026-11-20.ndjson --speed 120'],
};
