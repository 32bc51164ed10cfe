import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'ferbench', template: '%s · ferbench' },
  description: 'How much do facial emotion recognition models agree?',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="container">
            <Link href="/" className="brand">
              ferbench
            </Link>
            <span className="tagline">how much do emotion recognition models agree?</span>
            <nav className="site-nav" aria-label="Site">
              <ul>
                <li>
                  <Link href="/">Datasets</Link>
                </li>
                <li>
                  <Link href="/try">Try a photo</Link>
                </li>
                <li>
                  <Link href="/submit">Submit a model</Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="container">
          {children}
        </main>
        <footer className="site-footer container">
          Numbers carry the n and the sha256 of the data and models behind them.
        </footer>
      </body>
    </html>
  );
}
