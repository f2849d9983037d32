import type { OwnerPrompt, OwnerRequest } from '../owner-prompt';

/** Main's native dialog as tests answer it: refuses unless told otherwise, and remembers what it was asked. */
export class FakeOwnerPrompt implements OwnerPrompt {
  answer: 'allow' | 'deny' = 'deny';
  readonly asked: string[] = [];

  async confirm({ action }: OwnerRequest): Promise<boolean> {
    this.asked.push(action);
    return this.answer === 'allow';
  }
}
