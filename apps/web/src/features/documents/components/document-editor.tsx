import { useEffect } from 'react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { TableKit } from '@tiptap/extension-table';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { DocumentProvider } from '@vigil/client';
import { EditorToolbar } from './editor-toolbar';

/** What co-editors see of this person: the label on their caret. */
export interface EditorUser {
  userId: string;
  name: string;
  /** `#RRGGBB`. */
  color: string;
}

interface DocumentEditorProps {
  provider: DocumentProvider;
  user: EditorUser;
  editable: boolean;
  /** The accessible name of the text area. */
  label: string;
}

/**
 * The rich-text editor bound to the shared Y.Doc: Collaboration keeps the text (and its own
 * undo history) in the Y.XmlFragment `default`; CollaborationCaret shows co-editors' carets.
 */
export function DocumentEditor({ provider, user, editable, label }: DocumentEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          undoRedo: false,
          // Each editor would add its own empty last paragraph at once: duplicates once merged.
          trailingNode: false,
          link: { openOnClick: false, autolink: true, protocols: ['mailto'] },
        }),
        TableKit.configure({ table: { resizable: false } }),
        Collaboration.configure({ document: provider.doc }),
        CollaborationCaret.configure({
          provider: { awareness: provider.awareness },
          user,
        }),
      ],
      editable,
      editorProps: {
        attributes: {
          class: 'doc-editor__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
        },
      },
    },
    // A new provider is a new document: a new editor. The user's label never changes here.
    [provider],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <div className={`doc-editor${editable ? '' : ' doc-editor--read-only'}`}>
      <EditorToolbar editor={editor} disabled={!editable} />
      <EditorContent editor={editor} />
    </div>
  );
}
