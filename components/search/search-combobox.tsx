'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { getTextAttributes, type Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/paths';

type Result = {
  id: string;
  title: string;
  url: string;
  snippet: string;
  highlights: Array<[number, number]>;
  audience: 'host' | 'admin';
  locale: Locale;
};

export type ComboboxLabels = {
  placeholder: string;
  suggestions: string;
  keyboardHint: string;
  /** "See all results for “…”" with U+0000 where the query goes. */
  seeAll: string;
  /** The result-count announcement for 0, 1, 2, … results, formatted on the server. */
  counts: string[];
  audience: Record<Result['audience'], string>;
};

const debounceMs = 200;
const minQueryLength = 2;

/** Snippet text with its matches marked: built from text nodes, so nothing in it is HTML. */
function MarkedText({ text, highlights }: { text: string; highlights: Array<[number, number]> }) {
  const parts = [];
  let cursor = 0;
  for (const [start, end] of highlights) {
    if (start > cursor) parts.push(text.slice(cursor, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    cursor = end;
  }
  parts.push(text.slice(cursor));
  return <>{parts}</>;
}

/**
 * The header search box: results as you type (an ARIA 1.2 combobox with a
 * listbox popup), progressively enhancing a plain GET form that works without
 * JavaScript. Arrow keys move through suggestions, Enter opens one (or submits
 * the search), Escape closes the list and then clears the box.
 */
export function SearchCombobox({
  inputId,
  locale,
  defaultQuery = '',
  maxLength,
  limit,
  labels,
}: {
  inputId: string;
  locale: Locale;
  defaultQuery?: string;
  maxLength: number;
  limit: number;
  labels: ComboboxLabels;
}) {
  const [query, setQuery] = useState(defaultQuery);
  const [results, setResults] = useState<Result[]>([]);
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const [isReady, setReady] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const request = useRef<AbortController | undefined>(undefined);
  const listId = useId();
  const hintId = useId();
  useEffect(() => {
    setReady(true);
    return () => {
      clearTimeout(timer.current);
      request.current?.abort();
    };
  }, []);

  const trimmed = query.trim();
  const searchUrl = paths.search(locale, trimmed);
  const optionCount = isOpen ? results.length + 1 : 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function lookUp(value: string) {
    clearTimeout(timer.current);
    request.current?.abort();
    const q = value.trim();
    if ([...q].length < minQueryLength) {
      close();
      setResults([]);
      setAnnouncement('');
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      request.current = controller;
      try {
        const params = new URLSearchParams({ q, locale, limit: String(limit) });
        const response = await fetch(`/api/search?${params}`, { signal: controller.signal });
        if (!response.ok) throw new Error(`search answered ${response.status}`);
        const body = (await response.json()) as { results: Result[] };
        setResults(body.results);
        setOpen(true);
        setActive(-1);
        setAnnouncement(labels.counts[Math.min(body.results.length, labels.counts.length - 1)] ?? '');
      } catch (error) {
        // A newer keystroke aborted this request; anything else leaves the plain form to do its job.
        if ((error as Error).name !== 'AbortError') close();
      }
    }, debounceMs);
  }

  function go(index: number) {
    const url = index < results.length ? results[index]!.url : searchUrl;
    window.location.assign(url);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!isOpen) {
          if (results.length > 0) setOpen(true);
          return;
        }
        event.preventDefault();
        setActive((current) =>
          event.key === 'ArrowDown'
            ? current >= optionCount - 1
              ? 0
              : current + 1
            : current <= 0
              ? optionCount - 1
              : current - 1,
        );
        return;
      }
      case 'Enter':
        if (isOpen && active >= 0) {
          event.preventDefault();
          go(active);
        }
        return;
      case 'Escape':
        if (isOpen) {
          event.preventDefault();
          close();
        } else if (query) {
          event.preventDefault();
          setQuery('');
          setResults([]);
        }
        return;
      case 'Tab':
        close();
        return;
    }
  }

  const [seeAllBefore, seeAllAfter] = labels.seeAll.split('\u0000');

  return (
    <div className="relative flex min-w-0 flex-1">
      <input
        id={inputId}
        name="q"
        type="search"
        value={query}
        placeholder={labels.placeholder}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setQuery(event.target.value);
          lookUp(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(close, 150)}
        onFocus={() => results.length > 0 && trimmed && setOpen(true)}
        role={isReady ? 'combobox' : undefined}
        aria-expanded={isReady ? isOpen : undefined}
        aria-controls={isReady ? listId : undefined}
        aria-autocomplete={isReady ? 'list' : undefined}
        aria-activedescendant={isOpen && active >= 0 ? optionId(active) : undefined}
        aria-describedby={isReady ? hintId : undefined}
      />
      {isReady && (
        <>
          <span id={hintId} hidden>
            {labels.keyboardHint}
          </span>
          <span role="status" aria-live="polite" className="sr-only">
            {announcement}
          </span>
          <ul id={listId} role="listbox" aria-label={labels.suggestions} hidden={!isOpen} className="search-popup">
            {results.map((result, index) => (
              <li
                key={result.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => go(index)}
                onMouseMove={() => setActive(index)}
              >
                <span className="search-popup-title" {...getTextAttributes(result.locale, locale)}>
                  {result.title}
                </span>
                <span className="search-popup-meta">
                  {result.id} · {labels.audience[result.audience]}
                </span>
                <span className="search-popup-snippet" {...getTextAttributes(result.locale, locale)}>
                  <MarkedText text={result.snippet} highlights={result.highlights} />
                </span>
              </li>
            ))}
            <li
              id={optionId(results.length)}
              role="option"
              aria-selected={active === results.length}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(results.length)}
              onMouseMove={() => setActive(results.length)}
              className="search-popup-all"
            >
              {seeAllBefore}
              {trimmed}
              {seeAllAfter}
            </li>
          </ul>
        </>
      )}
    </div>
  );
}
