/**
 * The precompiled patterns maskTemplate applies, in order. Log lines are
 * attacker-controlled, so every pattern is written to run in linear time:
 *
 * - a pattern that starts with a repeated character class has a lookbehind
 *   that forbids starting inside a run of that class, so each token is scanned
 *   from its start only once (not from every one of its characters);
 * - no nested quantifiers over overlapping classes (every repetition inside a
 *   repetition must consume a fixed separator such as `:` or `.`);
 * - lengths of the things we recognise are bounded where it matters.
 *
 * A pattern whose matches start with a word character begins with `\b` and
 * a lookbehind for the other characters it must not follow (`\b(?<![.-])`),
 * which is the lookbehind with `\w` in it (`(?<![\w.-])`) at such a start:
 * the same matches, but the search tries only word starts (the two forms were
 * compared on every corpus line and mutations of them; bench/template-mining.ts
 * --against).
 */

/** Replaced first so later passes see tokens, not layout: runs of whitespace (tabs, newlines) count as one space. */
export const WHITESPACE = /\s+/g;
/**
 * The runs of whitespace WHITESPACE changes: two or more characters, or one
 * that is not a space. Replacing these alone gives the same line (a lone
 * space becomes itself) without a match and a copy for every space.
 */
export const UNEVEN_WHITESPACE = /\s{2,}|[^\S ]/g;

/**
 * Padding inside a bracket's edges (`[           main]`, `[INFO ]`, `( 5 )`),
 * after WHITESPACE made each run one space: loggers pad a field to a width
 * (Spring Boot's thread name, log4j's `%-5p`), so the same field took one
 * token or two as its value was long or short. Removed.
 */
export const PADDED_BRACKET = /([[(]) +| +([\])])/g;

/**
 * A program's bitness mark after its name (`editor.exe *64`, as Windows proxy
 * clients write a 64-bit process): part of the one value that names the
 * process, glued to it so that the line's token count does not depend on it.
 */
export const BITNESS_MARK = /(?<=\.[Ee][Xx][Ee]) \*(?:32|64)(?= )/g;

/** scheme://anything-up-to-whitespace, trailing sentence punctuation left out. */
export const URL = /\b(?<![.+-])[a-zA-Z][a-zA-Z0-9+.-]{1,15}:\/\/[^\s"'<>]*[^\s"'<>.,;:!?)\]}]/g;

/**
 * Unix paths (`/a/b`, `./a`, `../a`, `~/a`) that start a token, and Windows
 * paths (`C:\a`). "and/or", "I/O", "HTTP/1.1" and "1/2" are not paths: their
 * slash follows a word character. Trailing sentence punctuation stays out.
 * A folder named in capitalised words (`Application Support`, `Program Files
 * (x86)`) is part of the path when the path goes on after it (the words are
 * followed by its separator, and on Unix not by a version: `HTTP/1.1`):
 * otherwise such paths took one token or three as their folders were named.
 */
export const PATH =
  /(?<![^\s"'=([{,;])(?:~|\.{1,2})?\/[\w.~%+@-](?:[^\s"'<>()[\]{},;|]*(?:(?: (?:[A-Z][\w.~%+@-]*|\([\w.-]+\)))+(?=\/(?!\d))[^\s"'<>()[\]{},;|]*)*[^\s"'<>()[\]{},;|.:!?])?|(?<![\w])[A-Za-z]:\\[^\s"'<>|]*(?:(?: (?:[A-Z][\w.~%+@-]*|\([\w.-]+\)))+(?=\\)[^\s"'<>|]*)*[^\s"'<>|.,;:!?)]/g;

export const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/**
 * A quoted single token ('admin', "report_7.pdf") is a value (JSON keys and
 * log levels are kept by the replacer). Quoted text with spaces is usually a
 * message or a request line ("GET /x HTTP/1.1", "disk full") whose words
 * carry meaning: it is kept and masked inside instead. `\"x\"` (a quote
 * inside a JSON string) counts as quoted.
 */
export const QUOTED = /(?<![\w\\])(?:\\?"[^"\s\\]{1,256}\\?"|'[^'\s]{1,256}')(?!\w)/g;

/**
 * A single token between octal-escaped double quotes (`\042alt0\042`), as
 * loggers that escape control and quote characters write a quoted name
 * (supercomputer RAS and node logs). A value, as QUOTED's.
 */
export const OCTAL_QUOTED = /(?<![\w\\])\\042[^\s\\]{1,256}\\042(?!\w)/g;

/**
 * The level of an SELinux context, its categories with it (`...:untrusted_app:s0:c240,c256,c512,c768`,
 * `...:var_t:s0-s0:c0.c1023`): one value, since the category list has as many
 * commas as categories, and commas end tokens, so each count of categories
 * would be another template.
 */
export const SELINUX_LEVEL = /(?<=[a-z]:)s\d{1,2}(?:-s\d{1,2})?(?::c\d{1,4}(?:[.,]c\d{1,4})*)?(?=[\s"')\]]|$)/g;

/**
 * A double-quoted user agent: products with versions (`"Mozilla/5.0 (X11;
 * Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"`, `"Apache-HttpClient/4.5.14
 * (Java/17.0.9)"`). It has spaces, but no word of it is a message's wording:
 * it is one value, and access-log lines of one format otherwise split by the
 * number of its words. Led by `Product/<digit>`, which no request line (`"GET
 * /x HTTP/1.1"`) or message starts with.
 */
export const USER_AGENT = /(?<![\w\\])"[A-Za-z][\w.+-]{0,63}\/\d[^"\\]{0,512}"(?!\w)/g;

/** What follows a quoted JSON/dict key. */
export const KEY_AFTER = /^\s*:/;

/** A quoted HTTP status (`"404"`): kept when a status context precedes it, as an unquoted one is. */
export const QUOTED_STATUS = /^\\?["'][1-5]\d\d\\?["']$/;
/** How long QUOTED_STATUS's matches are: a cheaper test first (context-clues.spec.ts checks it). */
export const QUOTED_STATUS_LENGTH = { min: 5, max: 7 };

/** Quoted log levels stay: `"severity": "ERROR"` and `"severity": "INFO"` are different lines. */
export const LOG_LEVEL = /^\\?["'](?:trace|debug|info|notice|warn|warning|error|err|crit|critical|alert|emerg|emergency|fatal|severe)\\?["']$/i;
/** How long LOG_LEVEL's matches are: a level of 3 (`err`) to 9 letters (`emergency`) in two quotes, each maybe escaped. */
export const LOG_LEVEL_LENGTH = { min: 5, max: 13 };

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6},? ';
const ZONE = '(?:z|[+-]\\d{2}:?\\d{2}\\b| ?(?:utc|gmt)\\b)';
const CLOCK = `\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,9})?(?: ?[ap]m\\b)?${ZONE}?`;
const TIME = `(?:[t ]${CLOCK})?`;
/**
 * Timestamps and dates, one alternation: ISO 8601 (`2025-05-14T07:06:55.123Z`,
 * `2025-05-14 07:06:55`), `2025/05/14`, `14/05/2025`, Apache/CLF
 * (`10/Oct/2000:13:55:36 -0700`), syslog and RFC 2822 (`May 14 07:06:55`,
 * `Thu, 14 May 2025 07:06:55 GMT`, `Thu Nov 26 23:44:06 UTC 2026`) and a bare
 * clock time (`07:06:55.123`). A month name alone ("may") is never a date.
 */
export const TIMESTAMP = new RegExp(
  '\\b(?<![.:/-])(?:' +
    [
      `\\d{4}-\\d{2}-\\d{2}${TIME}`,
      `\\d{4}/\\d{2}/\\d{2}${TIME}`,
      `\\d{1,2}[/-]\\d{1,2}[/-]\\d{4}${TIME}`,
      `\\d{1,2}/${MONTH}/\\d{4}(?::\\d{2}:\\d{2}:\\d{2})?(?: [+-]\\d{4})?`,
      `(?:${DAY})?${MONTH} {1,2}\\d{1,2}(?:,? \\d{4})? ${CLOCK}(?: \\d{4}\\b)?`,
      `(?:${DAY})?\\d{1,2} ${MONTH} \\d{4}(?: ${CLOCK})?`,
      `\\d{2}/\\d{2}/\\d{2} ${CLOCK}`,
      `\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?: ?[ap]m\\b)?${ZONE}?`,
      `\\d{2}:\\d{2}`,
    ].join('|') +
    ')(?![\\w:])',
  'gi',
);

const HEX = '[0-9a-fA-F]';
export const UUID = new RegExp(`(?<!${HEX})${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}(?!${HEX})`, 'g');

/** MAC addresses (`00:1a:2b:3c:4d:5e`, `00-1A-...`) are hardware ids. */
export const MAC = new RegExp(`\\b(?<![:-])${HEX}{2}([:-])${HEX}{2}(?:\\1${HEX}{2}){4}(?![\\w:-])`, 'g');

/**
 * IPv6 candidates: 2 to 7 colon-separated groups of up to 4 hex digits. The
 * replacer accepts only real-looking ones (a `::` or 8 groups, some hex digit),
 * so `a::b` in C++-ish names (preceded by a word char) and clock times stay.
 */
export const IPV6_CANDIDATE = new RegExp(`(?<![\\w:.])(?:${HEX}{0,4}:){2,7}${HEX}{0,4}(?![\\w:.])`, 'g');

/** Dotted quad with optional :port; a 5th dotted number means it is not an address (a version). */
export const IPV4 = /\b(?<!\.)(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?!\.?\d|\w)/g;

/**
 * `0x...` literals and bare hex runs of 8+ characters holding both a digit
 * and a letter (commit hashes, request ids). All-letter words ("deadbeef")
 * and all-digit numbers are left to other passes.
 */
export const HEX_ID = new RegExp(`\\b(?:0x${HEX}+|(?=[0-9]*[a-fA-F])(?=[a-fA-F]*[0-9])${HEX}{8,})(?!\\w)`, 'g');

/**
 * Kubernetes pod names: `<deployment>-<replica-set hash>-<5-char suffix>`
 * (`inventory-api-7f9c8d5b6-e51fd`); the two generated parts are one id.
 */
export const POD_SUFFIX = /(?<=[a-z]-)(?=[a-z]*\d)[a-z0-9]{6,10}-[a-z0-9]{5}(?![\w-])/g;

/** `#4521` (ticket, order, job numbers). */
export const HASH_ID = /(?<![\w#])#\d+(?!\w)/g;

/**
 * Numbers, decimals and versions (`v3.2.1`), with a unit suffix kept
 * (`87%` -> `<NUM>%`; sizes and durations are QUANTITY's). Not inside words (`x86`, `ipv4`
 * are ids or names), not a protocol version (`HTTP/1.1` stays) and not a
 * message code's (`ORA-00942:`, see ENTITY_ID). The
 * replacer keeps status codes and exit codes (see mask-template.ts).
 */
export const NUMBER = /\b(?<!\.|HTTP\/)(?!(?<=\b[A-Z]{2,5}-)\d{3,6}:(?:\s|$))([vV]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)*)([A-Za-z%µ]{0,5})(?!\w)/g;

/**
 * Entity ids: letters then digits, optionally joined by `_` or `-`
 * (`User123`, `user_42`, `node-7`, `data_6957`), or a letter prefix, `_`,
 * then a generated token holding a digit (`usr_15f9e0565b`, `in_fab8ba88dd`).
 * Not a message code, capitals and digits before a colon (`AH01630: client
 * denied`, `ORA-00942: table or view does not exist`): it names the message,
 * and lines that differ in it are different templates.
 */
export const ENTITY_ID = /\b(?<![<-])(?![A-Z]{2,5}-?\d{3,6}:(?:\s|$))[A-Za-z]+(?:[_-]?\d+|_(?=[a-zA-Z]*\d)[a-zA-Z0-9]+)(?![\w-])/g;

/** `key=value` where the value mixes letters and digits (`session=a9f3k2`): an id, whatever the key. */
export const KEY_ID_VALUE = /\b(?<![.-])([A-Za-z_][\w.-]{0,63}=)(?=[^\s,;&"'=<>]*\d)(?=[^\s,;&"'=<>]*[A-Za-z])[^\s,;&"'=<>]+/g;

/**
 * What comes right before a 3-digit number that is an HTTP status, not a
 * quantity: "status: 500", "status_code=404", `"DownstreamStatus":502`,
 * `"status": "404"`, "HTTP 503", `HTTP/1.1" 200`, "returned 404", "response
 * code 500". The class of a line often hangs on it.
 */
export const STATUS_CONTEXT = /(?:status(?:[ _-]?code)?|\bhttp(?:\/\d(?:\.\d)?)?|\breturned|\bresponse(?:[ _-]?code)?|\bcode)["']?[\s:=]{0,3}["']?$/i;

/**
 * Exit codes separate success (0) from failure: "exit code 1", "exited with status 137",
 * `"exit_code": 2`, and with a word before the code, "exited with abnormal code: 1" (launchd),
 * "exited with return code 2": else a code of three digits was kept as a status and one of one
 * digit masked, and the lines of one template parted.
 */
export const EXIT_CONTEXT = /\bexit(?:ed)?(?: with)?(?: [a-z-]{3,12})?[ _-]?(?:code|status)["']?[\s:=]{0,3}["']?$/i;

/** "ID 12345", "id: 42", "id=7", `"id": 9`: the number names an entity. */
export const ID_CONTEXT = /\bid["']?[\s:#=]{1,3}["']?$/i;

/**
 * A quantity with a unit of size or time (`1,234 bytes`, `4.5 KB`, `91.5 B`, `512M`,
 * `12ms`, `1.5 s`, `1m30s`, `<1 sec`). Real programs pretty-print these and
 * pick the unit by magnitude (`(1.20 KB)` then `(3.40 MB)` in one template),
 * so the unit goes with the number (SIZE_TAIL tells the two kinds apart).
 * Thousands separators are part of the number. A single-letter size unit
 * (`512M`) must be glued to its number. A "unit" followed by `=` is the next
 * field's key (`t=297 h=2`), not a unit.
 */
const QTY_NUMBER = '<?(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)(?:\\.\\d+)?';
const SIZE_UNIT = '(?: ?(?:bytes?|(?:[KMGTPE]i?)?B|[kmgtp]b)|[KMGT])';
const TIME_UNIT = ' ?(?:ns|us|µs|ms|secs?|seconds?|s|mins?|minutes?|hours?|hrs?|h|days?)';
export const QUANTITY = new RegExp(`(?<![\\w.<])(?:${QTY_NUMBER}${SIZE_UNIT}|(?:\\d+h)?(?:\\d+m(?=\\d))?${QTY_NUMBER}${TIME_UNIT})(?![\\w%=])`, 'g');

/** A QUANTITY match is a size when it ends so (no time unit ends in b, k, m, g or t). */
export const SIZE_TAIL = /(?:bytes?|[bkmgt])$/i;

export const TLD =
  '(?:com|net|org|edu|gov|mil|int|io|co|us|uk|de|fr|jp|cn|hk|tw|kr|sg|ru|nl|br|au|ca|eu|ch|se|no|fi|it|es|pl|info|biz|local|localdomain|internal|lan|corp|home|intra|cloud|dev|app)';
/**
 * Host names: dotted labels ending in a known top-level or private domain
 * (`www.google.com`, `proxy.cse.cuhk.edu.hk`, `ip-10-0-0-1.ec2.internal`),
 * with an optional `:port`. Java packages (`org.apache.hadoop`) do not end in
 * one; `java.net.Socket` goes on past it.
 */
export const HOSTNAME = new RegExp(`(?<![\\w.@/:-])(?:[A-Za-z0-9-]{1,63}\\.)+${TLD}(?::\\d{1,5})?(?![\\w.-])`, 'gi');

/**
 * `host:port` where the host has a dot, a dash or a digit (`db-1:5432`,
 * `node3.cluster:8020`) or is localhost. A bare word before a colon and a
 * number (`status:200`, `retries:3`) is a key and its value, not a host.
 */
export const HOST_PORT = /\b(?<![.:/@-])(?![^\s:]{0,64}(?:[Ss]tatus|[Cc]ode|[Ee]xit))(?:localhost|[A-Za-z][\w-]{0,62}(?:\.[\w-]{1,63})+|[A-Za-z][A-Za-z0-9]*[-\d][\w-]{0,61}):\d{1,5}(?![\w:.])/g;

/**
 * Ids glued from parts: letters or a long number, then `_`/`-` joined parts
 * holding a digit (`blk_-1608999687919862906`, `job_201512011200_0001`,
 * `attempt_..._m_000296_0`, `rdd_2_3`, `broadcast_1_piece0`,
 * `30546173_4261722401`, `PO-2024-0001`). The first part is all letters
 * or all digits, so `x86_64` (a name) is kept; so is a message code
 * (`ORA-00942:`, see ENTITY_ID).
 */
export const GLUED_ID = /\b(?<![<-])(?![A-Z]{2,5}-?\d{3,6}:(?:\s|$))(?=[A-Za-z\d]*[_-][\w-]*\d)(?:[A-Za-z]+|\d{4,})(?:[_-]{1,2}[A-Za-z0-9]+)+(?![\w-])/g;

/**
 * A bracketed run of several words that holds a masked value
 * (`[IPC Server handler <NUM> on <NUM>]`, `[<NUM> <TS>]`): a thread or
 * context name whose word count varies with its values, so it is one value.
 * Brackets whose content kept a number (a status or exit code) stay.
 */
export const BRACKETED = /\[(?=[^\][\d]{0,128}\])(?=[^\][]*<[A-Z])(?=[^\][]* )[^\][]{1,128}\]/g;
