// A RegistryGateway that answers from a table (reference → status), records what it was asked and
// can hold answers until released: the gatherers' tests need exact control over what "the registry"
// says and when. Real registries answer in test/integration/registry/.
import type { RegistryCause } from '../../../src/causes/classify-registry.js';
import type { ImageCheckRequest, ImageCheckResult, RegistryGateway } from '../../../src/facts/registry-gateway.js';

export class ScriptedRegistry implements RegistryGateway {
  readonly requests: ImageCheckRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;

  constructor(
    private readonly answers: Readonly<Record<string, RegistryCause>>,
    private readonly delayMs = 0,
  ) {}

  async checkImage(request: ImageCheckRequest, signal?: AbortSignal): Promise<ImageCheckResult> {
    this.requests.push(request);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.delayMs > 0) {
        const aborted = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), this.delayMs);
          signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve(true);
          }, { once: true });
        });
        if (aborted) return { status: 'unknown', summary: 'aborted', registry: request.reference.domain, evidence: { errorCode: 'ABORTED' } };
      }
      const status = this.answers[request.reference.normalized] ?? 'ok';
      const credentialSource = request.credentials[0]?.source ?? 'anonymous';
      return { status, summary: `${status} for ${request.reference.normalized} with ${credentialSource}`, registry: request.reference.domain, credentialSource };
    } finally {
      this.inFlight -= 1;
    }
  }

  async close(): Promise<void> {}
}
