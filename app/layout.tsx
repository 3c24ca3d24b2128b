import type { ReactNode } from 'react';
import './globals.css';
import '@/lib/content/generated/site.css';

// The real root layout (with <html lang dir>) is app/[locale]/layout.tsx; this one only
// lets the few routes outside a locale (not-found for stray paths) share the stylesheet.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
