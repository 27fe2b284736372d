/** Every line the commands print of their own, English then Vietnamese, one message a line. */
import type { Messages } from '../../messages.js';
import { PERIOD_MESSAGES } from '../../report/period.js';

export const cliMessages = {
  ...PERIOD_MESSAGES,
  'cli.usage': [
    `hubmon — monitoring console for the national document exchange hub

Usage: hubmon [options]            watch a hub (no --url: the built-in simulated hub, DEMO)
       hubmon <command> [options]

Commands:
{commands}

Run "hubmon <command> --help" for its options, "hubmon console --help" for the console's.
`,
    `hubmon — bảng theo dõi Trục liên thông văn bản quốc gia

Cách dùng: hubmon [tùy chọn]            theo dõi một trục (không có --url: trục mô phỏng sẵn có, DEMO)
           hubmon <lệnh> [tùy chọn]

Các lệnh:
{commands}

Chạy "hubmon <lệnh> --help" để xem tùy chọn của lệnh, "hubmon console --help" cho bảng theo dõi.
`,
  ],
  'cli.usageLine': ['{message}; see "hubmon {command} --help"', '{message}; xem "hubmon {command} --help"'],
  'cli.unknownCommand': [
    'unknown command "{name}"; commands: {list}; see "hubmon --help"',
    'không có lệnh "{name}"; các lệnh: {list}; xem "hubmon --help"',
  ],
  'cli.needsTerminal': [
    'the console needs a terminal; for scripts and monitoring use "hubmon status"',
    'bảng theo dõi cần chạy trong cửa sổ dòng lệnh; với kịch bản và hệ thống giám sát, dùng "hubmon status"',
  ],
  'cli.replayNeedsTerminal': [
    'the console needs a terminal; to judge or tabulate a recording use "hubmon status --source FILE" or "hubmon report --source FILE"',
    'bảng theo dõi cần chạy trong cửa sổ dòng lệnh; để đánh giá hay lập bảng từ bản ghi, dùng "hubmon status --source TỆP" hoặc "hubmon report --source TỆP"',
  ],
  'help.usage': ['Usage: hubmon {usage} [options]', 'Cách dùng: hubmon {usage} [tùy chọn]'],
  'help.options': ['Options:', 'Tùy chọn:'],
  'help.help': ['show this help', 'hiện trợ giúp này'],
  'help.example': ['Example:', 'Ví dụ:'],
  'help.examples': ['Examples:', 'Ví dụ:'],
  'flag.unknown': [
    'unknown option "{flag}"; accepted: {list}',
    'không có tùy chọn "{flag}"; các tùy chọn nhận: {list}',
  ],
  'flag.missingValue': ['{flag} needs a value', '{flag} cần một giá trị'],
  'flag.noValue': ['{flag} takes no value', '{flag} không nhận giá trị'],
  'flag.dashValue': [
    '{flag} needs a value; one starting with "-" is written {flag}=-…',
    '{flag} cần một giá trị; giá trị bắt đầu bằng "-" phải viết {flag}=-…',
  ],
  'flag.unexpectedArg': [
    'unexpected argument "{arg}"; this command takes options only',
    'đối số thừa "{arg}"; lệnh này chỉ nhận tùy chọn',
  ],
  'flag.token': [
    '--token: the token is never taken on the command line, where ps and shell history would show it; {sources}',
    '--token: không bao giờ nhận mã truy cập trên dòng lệnh, nơi ps và lịch sử shell sẽ để lộ nó; {sources}',
  ],
  'flag.tokenSources.client': [
    'set HUBMON_TOKEN or give --token-file PATH',
    'đặt HUBMON_TOKEN hoặc dùng --token-file ĐƯỜNG_DẪN',
  ],
  'flag.tokenSources.sim': [
    'give --token-file PATH (the token clients must present)',
    'dùng --token-file ĐƯỜNG_DẪN (mã truy cập mà máy khách phải xuất trình)',
  ],
  'flag.expected': ['{flag}: expected {what}, got "{value}"', '{flag}: cần {what}, nhận được "{value}"'],
  'expect.wholeRange': ['a whole number from {min} to {max}', 'một số nguyên từ {min} đến {max}'],
  'expect.wholeMin': ['a whole number ≥ {min}', 'một số nguyên ≥ {min}'],
  'expect.positive': ['a number above 0', 'một số lớn hơn 0'],
  'expect.seconds': ['a number of seconds above 0', 'số giây lớn hơn 0'],
  'expect.range': ['a number from {min} to {max}', 'một số từ {min} đến {max}'],
  'expect.duration': ['a duration like 90m or 2h', 'một khoảng thời gian như 90m hoặc 2h'],
  'expect.isoTime': [
    'an ISO 8601 time like 2026-11-20T08:00:00+07:00',
    'thời điểm theo ISO 8601 như 2026-11-20T08:00:00+07:00',
  ],
  'expect.client': ['INSTANCE/CLASS/MEMBER/SUBSYSTEM', 'dạng INSTANCE/CLASS/MEMBER/SUBSYSTEM'],
  'expect.httpUrl': ['an http:// or https:// URL', 'địa chỉ http:// hoặc https://'],
  'flag.required': ['{flags}: required', '{flags}: bắt buộc'],
  'settings.lang': [
    'language: expected "vi" or "en", got "{value}"',
    'ngôn ngữ: cần "vi" hoặc "en", nhận được "{value}"',
  ],
  'settings.url': [
    'hub URL: expected ws://… or wss://…, got "{value}"',
    'địa chỉ trục: cần ws://… hoặc wss://…, nhận được "{value}"',
  ],
  'flag.host': [
    '--host: cannot listen on "{value}" ({code}); give an address of this machine, e.g. 127.0.0.1',
    '--host: không lắng nghe được trên "{value}" ({code}); hãy cho một địa chỉ của máy này, ví dụ 127.0.0.1',
  ],
  'flag.portInUse': [
    '--port: port {value} is already in use; give another, or 0 for a free one',
    '--port: cổng {value} đang được dùng; hãy chọn cổng khác, hoặc 0 để lấy một cổng trống',
  ],
  'flag.portDenied': [
    '--port: port {value} needs privileges this user lacks; give one from 1024 to 65535, or 0',
    '--port: cổng {value} cần quyền mà người dùng này không có; hãy chọn cổng từ 1024 đến 65535, hoặc 0',
  ],
  'arg.oneFile': ['expected one {what}, got {n}', 'cần đúng một {what}, nhận được {n}'],
  'arg.recordFile': ['FILE to record into', 'TỆP để ghi vào'],
  'arg.replayFile': ['recording FILE', 'TỆP bản ghi'],
  'file.missing': ['{flag} {file}: no such file', '{flag} {file}: không có tệp này'],
  'file.unreadable': ['{flag} {file}: cannot read ({code})', '{flag} {file}: không đọc được ({code})'],
  'file.isDir': ['{flag} {file}: is a folder, expected a file', '{flag} {file}: là thư mục, cần một tệp'],
  'file.exists': [
    '{file} already exists; give another FILE, or --force to overwrite it',
    '{file} đã có; hãy chọn TỆP khác, hoặc thêm --force để ghi đè',
  ],
  'file.notRecording': [
    '{flag} {file}: not a recording (expected NDJSON lines from hubmon record)',
    '{flag} {file}: không phải bản ghi (cần các dòng NDJSON do hubmon record ghi)',
  ],
  'file.unwritable': ['{flag} {file}: cannot write ({code})', '{flag} {file}: không ghi được ({code})'],
  'file.noEvents': ['{file} holds no events', '{file} không có sự kiện nào'],
  'file.noEventsSkipped': [
    '{file} holds no events ({n} unreadable lines)',
    '{file} không có sự kiện nào ({n} dòng không đọc được)',
  ],
  'settings.file': ['settings file {detail}', 'tệp thiết lập {detail}'],
  'token.unreadable': ['cannot read token file {path} ({code})', 'không đọc được tệp mã truy cập {path} ({code})'],
  'token.notFile': ['token file {path} is not a regular file', 'tệp mã truy cập {path} không phải tệp thường'],
  'token.mode': [
    'token file {path} is readable by other users (mode {mode}); run: chmod 600 {path}',
    'tệp mã truy cập {path} để người dùng khác đọc được (quyền {mode}); hãy chạy: chmod 600 {path}',
  ],
  'token.empty': ['token file {path} is empty', 'tệp mã truy cập {path} rỗng'],
  'token.lines': ['token file {path} holds more than one line', 'tệp mã truy cập {path} có nhiều hơn một dòng'],
  'cache.none': [
    'no cache to read: give --cache, --url (or HUBMON_URL) or --source',
    'không có bộ đệm để đọc: hãy cho --cache, --url (hoặc HUBMON_URL) hoặc --source',
  ],
  'cache.several': [
    'several caches in {dir} ({list}); give --cache or --url',
    'có nhiều bộ đệm trong {dir} ({list}); hãy cho --cache hoặc --url',
  ],
  'cache.missing': [
    'cache {path} does not exist; run the console or hubmon status against the hub first',
    'không có bộ đệm {path}; hãy chạy bảng theo dõi hoặc hubmon status với trục trước',
  ],
  'cache.notCache': [
    '{flag} {path}: not a hubmon cache (an SQLite file the console or hubmon status wrote)',
    '{flag} {path}: không phải bộ đệm của hubmon (tệp SQLite do bảng theo dõi hoặc hubmon status ghi)',
  ],
  'sim.listening': ['hubmon sim: listening on {url}', 'hubmon sim: đang lắng nghe tại {url}'],
  'sim.replaying': ['replaying {file}: {n} events ready', 'phát lại {file}: sẵn sàng {n} sự kiện'],
  'sim.started': [
    'seed {seed}, speed {speed}×, {agencies} agencies, epoch {epoch}',
    'hạt giống {seed}, tốc độ {speed}×, {agencies} cơ quan, phiên {epoch}',
  ],
  'sim.incidents': ['incidents:', 'sự cố:'],
  'sim.recording': ['recording to {file}', 'đang ghi vào {file}'],
  'sim.behind': ['; agencies behind it: {n}', '; {n} cơ quan phía sau'],
  'incident.server_down': ['disconnected', 'mất kết nối'],
  'incident.server_flapping': [
    'flaps connected/disconnected about every minute',
    'chập chờn, mất rồi có kết nối khoảng mỗi phút',
  ],
  'incident.signature_failure_burst': [
    'sends documents whose certificate has expired',
    'gửi văn bản ký bằng chứng thư số đã hết hạn',
  ],
  'incident.status_silence': ['stops reporting processing statuses', 'ngừng gửi trạng thái xử lý'],
  'incident.duplicate_sends': ['sends the same document again and again', 'gửi đi gửi lại cùng một văn bản'],
  'incident.overdue_pile': [
    'leaves {pile} deadline documents unanswered, deadlines passing',
    'để {pile} văn bản có thời hạn không trả lời, quá hạn dần',
  ],
  'sim.stopped': ['hubmon sim: stopped', 'hubmon sim: đã dừng'],
  'record.start': [
    'hubmon record: recording {url} into {file}; Ctrl-C to stop',
    'hubmon record: đang ghi {url} vào {file}; Ctrl-C để dừng',
  ],
  'record.done': ['hubmon record: {n} events written to {file}', 'hubmon record: đã ghi {n} sự kiện vào {file}'],
  'record.doneRejected': [
    'hubmon record: {n} events written to {file}, {rejected} malformed messages left out',
    'hubmon record: đã ghi {n} sự kiện vào {file}, bỏ qua {rejected} bản tin sai định dạng',
  ],
  'record.noHub': [
    'no hub to record: give --url (or HUBMON_URL)',
    'không có trục để ghi: hãy cho --url (hoặc HUBMON_URL)',
  ],
  'report.written': ['hubmon report: {n} agencies written to {file}', 'hubmon report: đã ghi {n} cơ quan vào {file}'],
  'replay.stopped': [
    'hubmon replay: stopped at {time}, {applied} of {total} events applied',
    'hubmon replay: dừng lúc {time}, đã áp dụng {applied}/{total} sự kiện',
  ],
  'flag.tokenSources.gateway': [
    'give --token-file PATH (the token consoles must present)',
    'dùng --token-file ĐƯỜNG_DẪN (mã truy cập mà bảng theo dõi phải xuất trình)',
  ],
  'gateway.conf.not_found': [
    'global configuration {path}: no such file or folder',
    'cấu hình toàn cục {path}: không có tệp hoặc thư mục này',
  ],
  'gateway.conf.no_instance': [
    'global configuration: no shared-params.xml for instance {instance} in {path}',
    'cấu hình toàn cục: không có shared-params.xml của instance {instance} trong {path}',
  ],
  'gateway.conf.not_shared_params': [
    'global configuration {path}: expected shared parameters (conf with instanceIdentifier), got another document',
    'cấu hình toàn cục {path}: tệp không phải tham số dùng chung (conf có instanceIdentifier)',
  ],
  'gateway.conf.unreadable': ['global configuration: {detail}', 'cấu hình toàn cục: {detail}'],
  'gateway.db': ["cannot open the gateway's file {file}: {detail}", 'không mở được tệp của gateway {file}: {detail}'],
  'gateway.listening': [
    'hubmon gateway: listening on {url} (epoch {epoch}, events in {file})',
    'hubmon gateway: đang lắng nghe tại {url} (epoch {epoch}, sự kiện lưu trong {file})',
  ],
  'gateway.polling': [
    'polling {servers} security servers every {every}; {agencies} agencies in the registry',
    'hỏi {servers} máy chủ bảo mật mỗi {every}; danh mục có {agencies} cơ quan',
  ],
  'gateway.stopped': ['hubmon gateway: stopped', 'hubmon gateway: đã dừng'],
  'gateway.checkRegistry': [
    'global configuration {file}: {agencies} agencies ({skipped} members or subsystems are no agencies)',
    'cấu hình toàn cục {file}: {agencies} cơ quan ({skipped} thành viên hoặc hệ thống con không phải cơ quan)',
  ],
  'gateway.checkOk': ['  ok      {id}  answered in {ms} ms', '  được    {id}  trả lời sau {ms} ms'],
  'gateway.checkFailed': ['  FAILED  {id}  {error}', '  LỖI     {id}  {error}'],
  'gateway.checkSummary': ['{ok} of {all} security servers reachable', 'kết nối được {ok} trên {all} máy chủ bảo mật'],
  'gateway.noteSkipped': [
    'global configuration: {n} members or subsystems are no agencies ({examples}…)',
    'cấu hình toàn cục: {n} thành viên hoặc hệ thống con không phải cơ quan ({examples}…)',
  ],
  'gateway.noteNotRead': [
    'global configuration not read, the registry stays as it was: {error}',
    'không đọc được cấu hình toàn cục, giữ nguyên danh mục: {error}',
  ],
  'gateway.state.connected': ['connected', 'kết nối'],
  'gateway.state.degraded': ['degraded', 'chập chờn'],
  'gateway.state.disconnected': ['disconnected', 'mất kết nối'],
  'gateway.noteSetAside': [
    '{id}: {n} records set aside, not published ({reason})',
    '{id}: {n} bản ghi bị để riêng, không phát ({reason})',
  ],
} satisfies Messages;
