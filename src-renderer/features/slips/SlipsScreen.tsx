import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { ScreenFrame } from '../../components/ScreenFrame.tsx';
import type { TerminalFlow } from '../../store/slices/terminal/initialState.ts';
import { slipsSelectors } from '../../store/slices/slips/selectors.ts';
import { TerminalFlowDialog } from '../payment/TerminalFlowDialog.tsx';
import { SlipDetailView } from './SlipDetailView.tsx';
import { SlipList } from './SlipList.tsx';
import { SlipSearch } from './SlipSearch.tsx';
import '../checkout/checkout.css';
import '../payment/payment.css';
import './slips.css';

/** 伝票明細 (G3, U8, U13): search, detail, reprint, USEN PAY history and 伝票取消. */
export function SlipsScreen() {
  const { t } = useTranslation();
  const rows = useApp(slipsSelectors.rows);
  const total = useApp(slipsSelectors.total);
  const detail = useApp(slipsSelectors.detail);
  const loaded = useApp(slipsSelectors.loaded);
  const businessDay = useApp((s) => s.status?.businessDay);
  const a = {
    search: useApp((s) => s.searchSlips), more: useApp((s) => s.loadMoreSlips), open: useApp((s) => s.openSlip),
    close: useApp((s) => s.closeSlip), loadSettings: useApp((s) => s.loadSettings),
  };
  const [cancelAsk, setCancelAsk] = useState<string | null>(null);
  const search = a.search;
  const loadSettings = a.loadSettings;
  useEffect(() => {
    if (!loaded) void search(businessDay ? { businessDay } : {});
    void loadSettings();
  }, [loaded, search, businessDay, loadSettings]);

  // U8: after 払戻完了 the slip must be cancelled, or the register keeps the payment.
  const afterFlow = (flow: TerminalFlow) => {
    if (flow.kind === 'refund' && flow.phase === 'done') setCancelAsk(t('payment.refundThenCancel'));
  };

  return (
    <ScreenFrame title={detail ? t('slips.detail') : t('slips.title')} onBack={detail ? a.close : undefined} className="slips-screen">
      {detail
        ? <SlipDetailView slip={detail} cancelAsk={cancelAsk} onCancelAsked={() => setCancelAsk(null)} />
        : (
          <div className="slips-layout">
            <SlipSearch onSearch={(q) => void a.search(q)} />
            <SlipList rows={rows} total={total} onOpen={(id) => void a.open(id)} onMore={() => void a.more()} />
          </div>
        )}
      <TerminalFlowDialog onFinished={afterFlow} />
    </ScreenFrame>
  );
}
