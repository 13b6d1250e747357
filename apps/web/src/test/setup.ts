import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Pure modules run without a DOM (`// @vitest-environment node`); everything else runs in jsdom.
const hasDom = typeof window !== 'undefined';

// `findBy…` and `waitFor` give up after 1 s by default: too short on a busy shared machine.
configure({ asyncUtilTimeout: 5_000 });

// Unmount what each test rendered (Testing Library only does this by itself with Vitest globals).
afterEach(() => {
  if (!hasDom) return;
  cleanup();
  window.localStorage.clear();
});

// jsdom has no modal dialogs: open and close `<dialog>` as a browser would, minus the top layer.
if (hasDom && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
}
