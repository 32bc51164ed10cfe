import Link from 'next/link';
import { Notice } from '../components/notice';

export default function NotFound() {
  return (
    <Notice tone="empty" title="Not found">
      <p>
        There is no such dataset or face. <Link href="/">See every dataset</Link>.
      </p>
    </Notice>
  );
}
