import type { Filler } from '../../fillers';

/** A status code with its reason phrase, as request lines print them ("404 Not Found"): the two always agree. */
export const statusLine: Filler = (r) =>
  r.pick(['200 OK', '200 OK', '200 OK', '201 Created', '204 No Content', '301 Moved Permanently', '302 Found', '304 Not Modified', '400 Bad Request', '401 Unauthorized', '403 Forbidden', '404 Not Found', '409 Conflict', '422 Unprocessable Entity', '429 Too Many Requests', '500 Internal Server Error', '502 Bad Gateway', '503 Service Unavailable']);
