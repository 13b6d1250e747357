import { findHiddenCharacter } from '@vigil/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FieldError } from '../../../components/field';
import { FormAlert } from '../../../components/form-alert';
import { VisibleText, visibleText } from '../../../components/visible-text';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import type { Attachment, InformationItem } from '../api/information-api';
import { useDownloadAttachment, useUploadAttachment } from '../hooks/use-information-actions';

/** What the server accepts (it checks the bytes, not just the name). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.mp3,.mp4,.docx,.txt,.csv';

/** "1.2 MB", "340 kB", "12 bytes". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** Why an upload was refused, in words a user can act on. */
function uploadProblem(error: unknown): string {
  if (error instanceof ApiError) {
    // The size limit or a storage quota, each saying which and what is left.
    if (error.statusCode === 413) return error.message;
    if (error.statusCode === 415) return `This type of file is not accepted: ${error.message}`;
  }
  return errorMessage(error);
}

interface AttachmentsCardProps {
  item: InformationItem;
  onDone: (message: string) => void;
}

/** The item's files: download each; those who may edit the item upload more. */
export function AttachmentsCard({ item, onDone }: AttachmentsCardProps) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const upload = useUploadAttachment(item.id);
  const download = useDownloadAttachment(item.id);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (upload.isPending) return;
    if (!file) {
      setError('Choose a file to upload.');
      fileRef.current?.focus();
      return;
    }
    const hidden = findHiddenCharacter(file.name);
    if (hidden) {
      setError(
        `The file name contains ${hidden}, an invisible or text-direction character that can make it read as another name: rename the file.`,
      );
      fileRef.current?.focus();
      return;
    }
    setError(null);
    try {
      const added = await upload.mutateAsync(file);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      onDone(`${visibleText(added.fileName)} attached.`);
    } catch (caught) {
      setError(uploadProblem(caught));
      fileRef.current?.focus();
    }
  };

  const save = async (attachment: Attachment) => {
    setDownloadError(null);
    try {
      await download.mutateAsync(attachment);
    } catch (caught) {
      setDownloadError(
        `${visibleText(attachment.fileName)} could not be downloaded: ${errorMessage(caught)}`,
      );
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Attachments
      </h2>
      <FormAlert message={downloadError} />
      {item.attachments.length === 0 ? (
        <p className="muted">No files attached.</p>
      ) : (
        <ul className="attachments" aria-label="Attached files">
          {item.attachments.map((attachment) => (
            <li key={attachment.id} className="attachment">
              <div>
                <strong className="attachment__name">
                  <VisibleText text={attachment.fileName} />
                </strong>
                <p className="muted attachment__meta">
                  {attachment.mediaType} · {formatSize(attachment.sizeBytes)} ·{' '}
                  {attachment.uploadedBy.displayName}, {formatDateTime(attachment.createdAt)}
                </p>
                <p className="muted attachment__hash" title={attachment.sha256}>
                  SHA-256 {attachment.sha256.slice(0, 16)}…
                </p>
              </div>
              <button
                type="button"
                className="button button--small"
                onClick={() => void save(attachment)}
                disabled={download.isPending && download.variables.id === attachment.id}
              >
                Download<span className="visually-hidden"> {visibleText(attachment.fileName)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {item.canEdit ? (
        <form
          className="form attach-form"
          noValidate
          aria-busy={upload.isPending}
          onSubmit={(event) => void submit(event)}
        >
          <div className="field">
            <label htmlFor={`${id}-file`} className="field__label">
              Attach a file
            </label>
            <p id={`${id}-hint`} className="field__hint">
              PDF, image (PNG, JPEG, GIF, WebP), MP3, MP4, Word (.docx), text or CSV. The content
              must match the file’s name.
            </p>
            <input
              id={`${id}-file`}
              ref={fileRef}
              name="file"
              type="file"
              className="input input--file"
              accept={ACCEPT}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setError(null);
              }}
            />
            <FieldError id={`${id}-error`} message={error ?? undefined} />
          </div>
          <div className="form__actions form__actions--start">
            <button type="submit" className="button button--primary" disabled={upload.isPending}>
              {upload.isPending ? 'Uploading…' : 'Upload'}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
