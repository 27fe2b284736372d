/** `hubmon status`'s words, English then Vietnamese, one message a line; state words stay as monitoring expects them. */
import type { Lang } from '../config/settings.js';
import { wordsIn, type Messages } from '../messages.js';

export const statusMessages = {
  'hub.none': [
    'hub: not asked (no --url); judged from the cache alone',
    'trục: không hỏi (không có --url); chỉ đánh giá theo bộ đệm',
  ],
  'hub.live': ['hub: {url} answered, cache caught up', 'trục: {url} đã trả lời, bộ đệm đã bắt kịp'],
  'hub.behind': [
    'hub: {url} answered, cache still {lagEvents} events behind at the timeout',
    'trục: {url} đã trả lời, bộ đệm vẫn chậm {lagEvents} sự kiện khi hết thời gian chờ',
  ],
  'hub.unreachable': ['hub: {url} did not answer ({error})', 'trục: {url} không trả lời ({error})'],
  'hub.shared': [
    'hub: not asked, the cache is kept fresh by {holder}',
    'trục: không hỏi, bộ đệm do {holder} giữ cho luôn mới',
  ],
  'hub.recording': [
    'source: recording {file}, judged as of its last event',
    'nguồn: bản ghi {file}, đánh giá tính đến sự kiện cuối cùng',
  ],
  'holder.pid': ['pid {pid} on {host}', 'tiến trình {pid} trên máy {host}'],
  'holder.unknown': ['another process', 'một tiến trình khác'],
  'cache.line': ['cache: {path}', 'bộ đệm: {path}'],
  'cache.lineFull': ['cache: {path}, {n} events, newest {newest}', 'bộ đệm: {path}, {n} sự kiện, mới nhất {newest}'],
  'cache.newestNone': ['none', 'chưa có'],
  noData: ['no data in cache {path}: {why}', 'bộ đệm {path} chưa có số liệu: {why}'],
  'noData.unreachable': ['hub {url} did not answer ({error})', 'trục {url} không trả lời ({error})'],
  'noData.nothing': ['nothing received yet', 'chưa nhận được gì'],
  stale: ['{cause} and cache {age} (max {max})', '{cause} và bộ đệm {age} (tối đa {max})'],
  'stale.noEvents': ['holds no events', 'không có sự kiện nào'],
  'stale.age': ['is {span} old', 'đã cũ {span}'],
  'cause.unreachable': ['hub {url} unreachable ({error})', 'không tới được trục {url} ({error})'],
  'cause.behind': [
    'cache {lagEvents} events behind hub {url} after the timeout',
    'bộ đệm chậm {lagEvents} sự kiện so với trục {url} khi hết thời gian chờ',
  ],
  'cause.shared': [
    'the console writing this cache ({holder}) is not keeping it fresh',
    'bảng theo dõi đang ghi bộ đệm này ({holder}) không giữ cho nó luôn mới',
  ],
  'cause.none': ['no hub to refresh from', 'không có trục để cập nhật'],
  'summary.ok': [
    '{agencies} agencies, {connected} of {servers} security servers connected, no alerts firing',
    '{agencies} cơ quan, {connected}/{servers} máy chủ bảo mật đang kết nối, không có cảnh báo',
  ],
  'summary.pending': [' ({n} pending)', ' ({n} đang chờ)'],
  'summary.unreachable': ['; hub unreachable, cache {age} old', '; không tới được trục, bộ đệm đã cũ {age}'],
  'summary.behind': ['; cache {n} events behind the hub', '; bộ đệm chậm {n} sự kiện so với trục'],
  'summary.acknowledged': [' ({n} acknowledged)', ' ({n} đã xác nhận)'],
  'tag.pending': ['PENDING', 'ĐANG CHỜ'],
  'tag.critical': ['CRITICAL', 'KHẨN'],
  'tag.warning': ['WARNING', 'CẢNH BÁO'],
  'line.ack': [' [acknowledged by {by}]', ' [{by} đã xác nhận]'],
  'kind.acute': ['acute', 'sự cố mới'],
  'kind.standing': ['standing', 'tồn đọng'],
  'span.s': ['{n} s', '{n} giây'],
  'span.min': ['{n} min', '{n} phút'],
  'span.h': ['{n} h', '{n} giờ'],
  'span.d': ['{n} d', '{n} ngày'],
  'rule.server-disconnected': ['security server down', 'máy chủ bảo mật mất kết nối'],
  'rule.signature-failures': ['agency over the signature-failure threshold', 'cơ quan vượt ngưỡng lỗi chữ ký số'],
  'rule.overdue-replies': ['agency with overdue replies', 'cơ quan có văn bản quá hạn trả lời'],
  'rule.agency-silent': ['agency silent in working hours', 'cơ quan không gửi văn bản trong giờ hành chính'],
  'rule.certificate-expiring': [
    'server certificate expired or expiring',
    'chứng thư số máy chủ đã hết hạn hoặc sắp hết hạn',
  ],
  'rule.delivery-failures': ['agency with delivery failures', 'cơ quan có gói tin không đến nơi nhận'],
  'rule.server-flapping': ['security server flapping', 'máy chủ bảo mật chập chờn'],
  'rule.status-silence': ['agency silent on statuses', 'cơ quan ngừng gửi trạng thái xử lý'],
  'rule.duplicate-sends': ['agency sending duplicates', 'cơ quan gửi trùng văn bản'],
  'rule.signatures-standing': ['agency failing signatures day after day', 'cơ quan lỗi chữ ký số kéo dài nhiều ngày'],
  'unknown.usage': [
    'bad usage: {message} (see hubmon status --help)',
    'dùng sai: {message} (xem hubmon status --help)',
  ],
  'unknown.thresholds': ['alert thresholds file: {error}', 'tệp ngưỡng cảnh báo: {error}'],
  'unknown.noCache': [
    'no cache to judge: give --url (or HUBMON_URL) or --cache',
    'không có bộ đệm để đánh giá: hãy cho --url (hoặc HUBMON_URL) hoặc --cache',
  ],
  'unknown.severalCaches': [
    'several caches in {dir} ({list}); give --url or --cache',
    'có nhiều bộ đệm trong {dir} ({list}); hãy cho --url hoặc --cache',
  ],
  'unknown.cacheMissing': [
    'no cache file {path}; give the path of an existing cache, or --url to fill one from the hub',
    'không có tệp bộ đệm {path}; hãy cho đường dẫn một bộ đệm có sẵn, hoặc --url để lấy số liệu từ trục',
  ],
  'unknown.sourceMissing': [
    'no recording {path} (--source); give the path of a file from hubmon record',
    'không có bản ghi {path} (--source); hãy cho đường dẫn một tệp do hubmon record ghi',
  ],
  'unknown.notCache': [
    '{path} is not a hubmon cache (an SQLite file the console or hubmon status wrote)',
    '{path} không phải bộ đệm của hubmon (tệp SQLite do bảng theo dõi hoặc hubmon status ghi)',
  ],
  'unknown.notRecording': [
    '{path} is not a recording (--source expects NDJSON lines from hubmon record)',
    '{path} không phải bản ghi (--source cần các dòng NDJSON do hubmon record ghi)',
  ],
  'notice.upgrading': [
    'hubmon: upgrading the cache {path} (schema steps {steps}); on a cache holding months of traffic this takes a minute or more',
    'hubmon: đang nâng cấp bộ đệm {path} (các bước {steps}); với bộ đệm giữ nhiều tháng số liệu, việc này mất một phút hoặc lâu hơn',
  ],
  'unknown.evaluate': ['cannot evaluate: {error}', 'không đánh giá được: {error}'],
  'error.noAnswer': ['no answer within {n} ms', 'không có trả lời trong {n} ms'],
} satisfies Messages;

export type StatusKey = keyof typeof statusMessages;
/** The status check's words in the chosen language, with `{name}` placeholders filled. */
export const statusWords = (lang: Lang) => wordsIn(statusMessages, lang);
export type StatusWords = ReturnType<typeof statusWords>;
