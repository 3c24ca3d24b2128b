import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignInHelpFrame } from '@/components/sign-in-help/frame';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { progressOf } from '@/lib/sign-in-help/engine';
import { signInHelpFlow } from '@/lib/sign-in-help/flow';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'SignInHelp' });
  return { title: t('metaTitle'), description: t('intro') };
}

/** Step 1: what happens when you try to sign in. Each choice is a link: no script, no form needed. */
export default async function SignInHelpStart({ params }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('SignInHelp');
  const step = signInHelpFlow.steps.problem;
  if (step.kind !== 'choice') throw new Error('the first step is a choice');

  return (
    <SignInHelpFrame
      locale={locale}
      alternates={getLocalePaths('/sign-in-help')}
      step={progressOf(signInHelpFlow, 'problem')}
      title={t(step.title)}
    >
      <p className="mt-2 text-lg text-muted">{t('intro')}</p>
      <ul className="mt-6 space-y-3">
        {step.choices.map((choice) => (
          <li key={choice.value}>
            <a
              href={paths.signInHelp.email(locale, choice.value)}
              className="block rounded-lg border-2 border-line px-5 py-4 text-ink no-underline hover:border-brand hover:bg-brand-wash focus-visible:border-brand"
            >
              <span className="block text-lg font-semibold text-brand-strong">{t(choice.label)}</span>
              <span className="mt-1 block text-muted">{t(choice.hint)}</span>
            </a>
          </li>
        ))}
      </ul>
    </SignInHelpFrame>
  );
}
