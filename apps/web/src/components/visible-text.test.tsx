import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VisibleText, visibleText } from './visible-text';

describe('VisibleText', () => {
  it('shows ordinary text as it is', () => {
    const { container } = render(<VisibleText text="Rapport final.pdf" />);
    expect(container.textContent).toBe('Rapport final.pdf');
    expect(container.querySelector('.hidden-character')).toBeNull();
  });

  it('writes out a right-to-left override so a file name cannot pose as another', () => {
    const { container } = render(<VisibleText text={'report\u202Efdp.txt'} />);
    expect(container.textContent).toBe('report⟨U+202E⟩fdp.txt');
    const marker = screen.getByText('⟨U+202E⟩');
    expect(marker.getAttribute('title')).toMatch(/invisible or text-direction character/);
    expect(container.textContent).not.toContain('\u202E');
  });

  it('makes zero-width characters visible, so two names that look alike can be told apart', () => {
    const { container } = render(<VisibleText text={'Ana\u200BMaria'} />);
    expect(container.textContent).toBe('Ana⟨U+200B⟩Maria');
  });

  it('renders markup as text, never as HTML', () => {
    const { container } = render(<VisibleText text={'<img src=x onerror=alert(1)>\u200E'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror=alert(1)>⟨U+200E⟩');
  });

  it('gives plain-text places (titles, options) the same written-out form', () => {
    expect(visibleText('a\u2066b')).toBe('a⟨U+2066⟩b');
    expect(visibleText('plain')).toBe('plain');
  });
});
