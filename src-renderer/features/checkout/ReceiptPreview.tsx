import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { slipsSelectors } from '../../store/slices/slips/selectors.ts';

/**
 * The API's SVG of a receipt is inserted into the page (so it uses the bundled font), after
 * dropping anything executable; text previews are shown as they are.
 */
export function sanitizeSvg(data: string): string | null {
  const doc = new DOMParser().parseFromString(data, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName.toLowerCase() !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) return null;
  for (const bad of [...doc.querySelectorAll('script, foreignObject, iframe, image, use')]) bad.remove();
  for (const el of [...doc.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value) || attr.name === 'href' || attr.name === 'xlink:href') el.removeAttribute(attr.name);
    }
  }
  root.setAttribute('width', '100%');
  root.removeAttribute('height');
  return new XMLSerializer().serializeToString(root);
}

/** The document on screen exactly as the printer gets it (receipts.preview). */
export function ReceiptPreview() {
  const { t } = useTranslation();
  const receipt = useApp(slipsSelectors.receipt);
  const svg = useMemo(() => (receipt?.format === 'svg' ? sanitizeSvg(receipt.data) : null), [receipt]);
  if (!receipt) return null;
  return (
    <figure className="receipt-preview" aria-label={t('checkout.receiptPreview')} data-testid="receipt-preview">
      {svg ? <div className="receipt-svg" dangerouslySetInnerHTML={{ __html: svg }} /> : <pre className="receipt-text">{receipt.data}</pre>}
    </figure>
  );
}
