// A minimal Kubernetes API client for the tests' own use (setting up and inspecting the cluster),
// on node:https with the control plane's CA, so TLS is verified as a real client would. Not the
// product's client: tests exercise that one against this server.
import { Agent, request as httpsRequest } from 'node:https';

export interface ApiResponse<T = unknown> {
  status: number;
  /** Parsed JSON when the response is JSON, else the text. */
  body: T;
  text: string;
}

export interface RequestOptions {
  contentType?: string;
  /** Defaults to application/json. */
  accept?: string;
}

/** A non-2xx answer. Its message names the request and the apiserver's Status message, never the token. */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    /** The Status object's `reason` (NotFound, Forbidden, AlreadyExists...), when there is one. */
    readonly reason: string | undefined,
    statusMessage: string,
  ) {
    super(`${method} ${path}: ${status}${reason === undefined ? '' : ` ${reason}`}: ${statusMessage}`);
    this.name = 'ApiError';
  }
}

export class KubernetesApiClient {
  private readonly agent: Agent;

  constructor(
    readonly server: string,
    caCertPem: string,
    private readonly token: string,
  ) {
    this.agent = new Agent({ ca: caCertPem, keepAlive: true, maxSockets: 8 });
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const url = new URL(path, this.server);
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      accept: options.accept ?? 'application/json',
    };
    if (payload !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise<ApiResponse<T>>((resolve, reject) => {
      const req = httpsRequest(url, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          if ((res.headers['content-type'] ?? '').includes('json') && text !== '') {
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = text;
            }
          }
          resolve({ status: res.statusCode ?? 0, body: parsed as T, text });
        });
      });
      req.on('error', (error) => reject(new Error(`${method} ${url.pathname}: ${error.message}`)));
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /** Like request, but a non-2xx answer throws ApiError. */
  async call<T = unknown>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const response = await this.request<T>(method, path, body, options);
    if (response.status < 200 || response.status > 299) throw apiErrorFrom(method, path, response);
    return response.body;
  }

  close(): void {
    this.agent.destroy();
  }
}

export function apiErrorFrom(method: string, path: string, response: ApiResponse): ApiError {
  const status = response.body as { kind?: string; reason?: string; message?: string };
  if (typeof status === 'object' && status !== null && status.kind === 'Status') {
    return new ApiError(method, path, response.status, status.reason, status.message ?? '');
  }
  return new ApiError(method, path, response.status, undefined, response.text.slice(0, 200));
}
