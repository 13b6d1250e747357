/**
 * A diff or PDF that cannot be produced, in words, thrown inside a render worker (which loads no
 * more than the renderers need) and turned into a DomainError by the pool on the main thread.
 */
export class RenderRefusal extends Error {
  override readonly name = 'RenderRefusal';

  constructor(
    readonly code: 'too_complex' | 'payload_too_large',
    message: string,
  ) {
    super(message);
  }
}
