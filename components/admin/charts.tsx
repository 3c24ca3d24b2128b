import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { axisFor } from '@/lib/admin/report-range';

/**
 * Charts for the support report: SVG drawn on the server (no script, no chart
 * library), each in a figure with its caption, a legend in HTML, and the same
 * numbers as a table in <details> for screen readers and for reading exact values.
 * The drawing is left to right in every locale (a time axis and bar lengths read
 * the same way); the text around it follows the page's direction.
 */

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11), distinguishable side by side. */
const palette = ['var(--color-brand)', 'var(--color-danger)', 'var(--color-ok)', 'var(--color-warn)', '#6d28d9', '#0f766e', '#be185d', 'var(--color-muted)'];

export type Series = { key: string; label: string };
/** A bar or column: `label` in the data table, `shortLabel` (an article ID, say) beside the bar when the label is long. */
export type ChartRow = { key: string; label: string; shortLabel?: string; values: Record<string, number> };

function colourOf(index: number): string {
  return palette[index % palette.length]!;
}

async function Frame({
  locale,
  id,
  title,
  summary,
  series,
  rows,
  labelHeader,
  children,
}: {
  locale: Locale;
  id: string;
  title: string;
  summary: string;
  series: Series[];
  rows: ChartRow[];
  labelHeader: string;
  children: ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: 'Admin.report' });
  return (
    <figure aria-labelledby={`${id}-caption`} className="mt-4">
      <figcaption id={`${id}-caption`} className="font-semibold">
        {title}
      </figcaption>
      <div role="img" aria-label={`${title}. ${summary}`} className="mt-2 max-w-3xl">
        {children}
      </div>
      {series.length > 1 && (
        <ul aria-hidden="true" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {series.map((item, index) => (
            <li key={item.key} className="flex items-center gap-1">
              <svg width="12" height="12" aria-hidden="true" focusable="false">
                <rect width="12" height="12" fill={colourOf(index)} />
              </svg>
              {item.label}
            </li>
          ))}
        </ul>
      )}
      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-brand-strong">{t('dataTable', { chart: title })}</summary>
        <div className="overflow-x-auto">
          <table className="mt-2 border-collapse text-start text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b-2 border-line">
                <th scope="col" className="py-1 pe-4 text-start">
                  {labelHeader}
                </th>
                {series.map((item) => (
                  <th key={item.key} scope="col" className="py-1 pe-4 text-start">
                    {item.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} className="border-b border-line">
                  <th scope="row" className="py-1 pe-4 text-start font-normal">
                    {row.label}
                  </th>
                  {series.map((item) => (
                    <td key={item.key} className="py-1 pe-4 tabular-nums">
                      {row.values[item.key] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** SVG text does not wrap: a label longer than its column is cut (the table has it whole). */
const truncate = (label: string) => ([...label].length > 20 ? `${[...label].slice(0, 19).join('')}…` : label);

const total = (row: ChartRow) => Object.values(row.values).reduce((sum, value) => sum + value, 0);

/** Stacked columns over time: one column per row (a day), a stacked segment per series. */
export async function ColumnChart(props: { locale: Locale; id: string; title: string; summary: string; series: Series[]; rows: ChartRow[]; labelHeader: string; axisLabels: string[] }) {
  const { rows, series } = props;
  const width = 720;
  const height = 220;
  const left = 36;
  const bottom = 24;
  const plotHeight = height - bottom - 8;
  const axis = axisFor(Math.max(0, ...rows.map(total)));
  const slot = (width - left) / Math.max(1, rows.length);
  const barWidth = Math.max(1, slot * 0.7);
  const y = (value: number) => 8 + plotHeight - (value / axis.top) * plotHeight;
  const labelEvery = Math.ceil(rows.length / 8);
  return (
    <Frame {...props}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" direction="ltr" aria-hidden="true" focusable="false" className="block h-auto max-w-full text-ink">
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width} y1={y(tick)} y2={y(tick)} stroke="var(--color-line)" />
            <text x={left - 4} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="currentColor">
              {tick}
            </text>
          </g>
        ))}
        {rows.map((row, index) => {
          let base = 0;
          const x = left + index * slot + (slot - barWidth) / 2;
          return (
            <g key={row.key}>
              {series.map((item, seriesIndex) => {
                const value = row.values[item.key] ?? 0;
                if (value === 0) return null;
                const top = y(base + value);
                const rect = <rect key={item.key} x={x} y={top} width={barWidth} height={y(base) - top} fill={colourOf(seriesIndex)} />;
                base += value;
                return rect;
              })}
              {index % labelEvery === 0 && (
                <text x={x + barWidth / 2} y={height - 6} textAnchor="middle" fontSize="11" fill="currentColor">
                  {props.axisLabels[index]}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </Frame>
  );
}

/** Horizontal stacked bars: one bar per row (an article, a language), a segment per series, the total at its end. */
export async function BarChart(props: { locale: Locale; id: string; title: string; summary: string; series: Series[]; rows: ChartRow[]; labelHeader: string }) {
  const { rows, series } = props;
  const width = 720;
  const labelWidth = 170;
  const rowHeight = 26;
  const height = Math.max(1, rows.length) * rowHeight + 4;
  const axis = axisFor(Math.max(0, ...rows.map(total)));
  const plotWidth = width - labelWidth - 40;
  const x = (value: number) => labelWidth + (value / axis.top) * plotWidth;
  return (
    <Frame {...props}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" direction="ltr" aria-hidden="true" focusable="false" className="block h-auto max-w-full text-ink">
        {rows.map((row, index) => {
          let base = 0;
          const top = index * rowHeight + 4;
          return (
            <g key={row.key}>
              <text x={labelWidth - 6} y={top + 15} textAnchor="end" fontSize="12" fill="currentColor">
                {truncate(row.shortLabel ?? row.label)}
              </text>
              {series.map((item, seriesIndex) => {
                const value = row.values[item.key] ?? 0;
                if (value === 0) return null;
                const rect = <rect key={item.key} x={x(base)} y={top} width={x(base + value) - x(base)} height={rowHeight - 8} fill={colourOf(seriesIndex)} />;
                base += value;
                return rect;
              })}
              <text x={x(base) + 4} y={top + 14} fontSize="12" fill="currentColor">
                {base}
              </text>
            </g>
          );
        })}
      </svg>
    </Frame>
  );
}
