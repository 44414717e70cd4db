import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../src-shared/contract/index.ts';
import { Modal } from '../../components/Modal.tsx';

type Props = { title: string; notices: Notice[]; error?: boolean; onClose: () => void; testId?: string };

/** Warnings (P3, P4, P8, P9 …) or refusals (P2, P5, P7, T7 …) in the manual's words, with 閉じる. */
export function NoticeDialog({ title, notices, error, onClose, testId = 'notice-dialog' }: Props) {
  const { t } = useTranslation();
  return (
    <Modal title={title} onClose={onClose} tone={error ? 'danger' : 'normal'} testId={testId}
      actions={<button type="button" className="btn btn-primary" onClick={onClose}>{t('common.close')}</button>}>
      {notices.map((n) => <p key={`${n.code}:${n.message}`} className={`notice-text${error ? ' is-error' : ''}`}>{n.message}</p>)}
    </Modal>
  );
}
