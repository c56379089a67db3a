/**
 * A request's method as a request line writes it (`"GET /x HTTP/1.1"`,
 * `Started POST "/login"`, `No route matches [GET]`): capitals, bare or after
 * the request's opening quote, bracket or parenthesis. It names the
 * operation, so lines that differ in it are different events: published
 * log-parsing ground truths keep it in the template
 * (`<*> "POST <*>" status: <*> len: <*> time: <*>`), and a miner that let it
 * vary pooled every request of a server into one template once three
 * methods were seen. Only capitals: the prose words `get`, `post` and `put`
 * stay ordinary wording. Not CONNECT: mail servers write it as an SMTP
 * stage (`lost connection after CONNECT from`), a value of their template.
 * Not a field's value (`method=GET`): a field's value is a variable.
 */
export function isHttpMethod(token: string): boolean {
  return HTTP_METHOD.test(token);
}

const HTTP_METHOD = /^["[(]?(?:GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS)\]?[ ,;]*$/;
