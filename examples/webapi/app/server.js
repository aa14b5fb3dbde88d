// The smallest web API that still looks like one: a health endpoint and a greeting.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8080);
createServer((request, response) => {
  if (request.url === '/healthz') {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'hello from webapi' }) + '\n');
}).listen(port, () => console.log(`webapi listening on :${port}`));
