import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { LinkForm } from './link-form';

interface ToolbarButtonProps {
  label: string;
  /** Shown instead of the label (the label stays the accessible name). */
  children?: ReactNode;
  pressed?: boolean;
  disabled: boolean;
  onClick: () => void;
}

function ToolbarButton({ label, children, pressed, disabled, onClick }: ToolbarButtonProps) {
  return (
    <button
      type="button"
      className="doc-toolbar__button"
      aria-pressed={pressed}
      aria-label={children ? label : undefined}
      title={label}
      disabled={disabled}
      // Keep the editor's selection: the command applies to it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children ?? label}
    </button>
  );
}

/** Arrow keys move between the toolbar's buttons (one tab stop for the group is not forced). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const buttons = [
    ...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not([disabled])'),
  ];
  const at = buttons.findIndex((b) => b === document.activeElement);
  if (at < 0) return;
  const next =
    buttons[(at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length];
  next?.focus();
  event.preventDefault();
}

/** Headings, bold and italic, lists, link and table for the document editor. */
export function EditorToolbar({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const [linking, setLinking] = useState(false);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      href:
        typeof e.getAttributes('link')['href'] === 'string'
          ? String(e.getAttributes('link')['href'])
          : '',
    }),
  });
  const chain = () => editor.chain().focus();

  return (
    <div
      className="doc-toolbar"
      role="toolbar"
      aria-label="Formatting"
      aria-disabled={disabled || undefined}
      onKeyDown={moveFocus}
    >
      <div className="doc-toolbar__group">
        {([1, 2, 3] as const).map((level) => (
          <ToolbarButton
            key={level}
            label={`Heading ${level}`}
            pressed={active[`h${level}`]}
            disabled={disabled}
            onClick={() => chain().toggleHeading({ level }).run()}
          >
            H{level}
          </ToolbarButton>
        ))}
      </div>
      <div className="doc-toolbar__group">
        <ToolbarButton
          label="Bold"
          pressed={active.bold}
          disabled={disabled}
          onClick={() => chain().toggleBold().run()}
        >
          <strong aria-hidden="true">B</strong>
        </ToolbarButton>
        <ToolbarButton
          label="Italic"
          pressed={active.italic}
          disabled={disabled}
          onClick={() => chain().toggleItalic().run()}
        >
          <em aria-hidden="true">I</em>
        </ToolbarButton>
      </div>
      <div className="doc-toolbar__group">
        <ToolbarButton
          label="Bullet list"
          pressed={active.bullet}
          disabled={disabled}
          onClick={() => chain().toggleBulletList().run()}
        />
        <ToolbarButton
          label="Numbered list"
          pressed={active.ordered}
          disabled={disabled}
          onClick={() => chain().toggleOrderedList().run()}
        />
      </div>
      <div className="doc-toolbar__group">
        <ToolbarButton
          label="Link"
          pressed={active.link || linking}
          disabled={disabled}
          onClick={() => setLinking((open) => !open)}
        />
        <ToolbarButton
          label="Insert table"
          disabled={disabled}
          onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        />
        {active.table ? (
          <>
            <ToolbarButton
              label="Add row"
              disabled={disabled}
              onClick={() => chain().addRowAfter().run()}
            />
            <ToolbarButton
              label="Add column"
              disabled={disabled}
              onClick={() => chain().addColumnAfter().run()}
            />
            <ToolbarButton
              label="Delete table"
              disabled={disabled}
              onClick={() => chain().deleteTable().run()}
            />
          </>
        ) : null}
      </div>
      {linking && !disabled ? (
        <LinkForm
          initial={active.href}
          onApply={(href) => {
            if (href) chain().extendMarkRange('link').setLink({ href }).run();
            else chain().extendMarkRange('link').unsetLink().run();
            setLinking(false);
          }}
          onCancel={() => {
            setLinking(false);
            editor.commands.focus();
          }}
        />
      ) : null}
    </div>
  );
}
