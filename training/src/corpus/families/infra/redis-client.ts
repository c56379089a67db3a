import { defineFamily } from '../log-family';
import { oneOf } from './shared';

/**
 * What Redis's clients print when the server refuses a command: redis-cli
 * replies and the exceptions of the common client libraries (redis-py,
 * ioredis, Lettuce, Jedis, go-redis). The server's own log has no line for
 * these. A command refused at the memory limit is Resource Usage; a
 * refused or failed command is Error; wrong credentials are Security
 * Alert; a cluster that is down as a whole is Critical Error.
 */

const oom = "OOM command not allowed when used memory > 'maxmemory'.";
const misconf =
  "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.";
const host = oneOf(['localhost', '127.0.0.1', 'redis', 'redis-master.cache.svc.cluster.local', '10.0.12.7', 'cache-01.internal']);

export const REDIS_CLIENT = defineFamily({
  family: 'redis-client',
  description: 'Redis error replies as redis-cli and client libraries print them',
  sources: ['redis-cli', 'redis-py', 'ioredis', 'lettuce', 'jedis', 'go-redis'],
  formats: [],
  bareShare: 1,
  fillers: { host, script: (r) => r.hex(40) },
  templates: [
    { label: 'Resource Usage', level: null, weight: 2, pattern: `{(error) |-|redis.exceptions.ResponseError: |ReplyError: |io.lettuce.core.RedisCommandExecutionException: |redis.clients.jedis.exceptions.JedisDataException: |redis: }${oom}` },
    { label: 'Resource Usage', level: null, pattern: `ReplyError: ${oom} script: {script}, on @user_script:{int:1:40}.` },
    { label: 'Error', level: null, pattern: `{(error) |redis.exceptions.ResponseError: |ReplyError: |io.lettuce.core.RedisCommandExecutionException: }${misconf}` },
    { label: 'Error', level: null, pattern: "{(error) |redis.exceptions.ReadOnlyError: |ReplyError: |redis: }READONLY You can't write against a read only replica." },
    { label: 'Error', level: null, pattern: '{(error) |redis.exceptions.BusyLoadingError: |ReplyError: }LOADING Redis is loading the dataset in memory' },
    { label: 'Error', level: null, pattern: '{(error) |redis.exceptions.ResponseError: |ReplyError: }WRONGTYPE Operation against a key holding the wrong kind of value' },
    { label: 'Error', level: null, weight: 2, pattern: 'redis.exceptions.ConnectionError: Error {111 connecting to {host}:6379. Connection refused|110 connecting to {host}:6379. Connection timed out|-2 connecting to {host}:6379. Name or service not known}.' },
    { label: 'Error', level: null, pattern: 'Error: connect ECONNREFUSED {127.0.0.1|10.0.12.7}:6379' },
    { label: 'Error', level: null, pattern: 'io.lettuce.core.RedisConnectionException: Unable to connect to {host}/<unresolved>:6379' },
    { label: 'Error', level: null, pattern: 'redis: connection pool timeout' },
    { label: 'Security Alert', level: null, weight: 2, pattern: '{(error) |redis.exceptions.AuthenticationError: |ReplyError: |redis: }WRONGPASS invalid username-password pair or user is disabled.' },
    { label: 'Security Alert', level: null, pattern: '{(error) |redis.exceptions.AuthenticationError: |ReplyError: }NOAUTH Authentication required.' },
    { label: 'Critical Error', level: null, pattern: '{(error) |ReplyError: |redis: }CLUSTERDOWN The cluster is down' },
    { label: 'Resource Usage', level: null, pattern: '{(error) |redis.exceptions.ConnectionError: |ReplyError: }ERR max number of clients reached' },
  ],
});
