/**
 * Next's proxy entry. The handler is lib/http/proxy.ts.
 *
 * Canonical article URLs skip the proxy: they are prerendered, and running any
 * proxy costs more than half of `next start`'s throughput on them (bench/). The
 * proxy still sees every other article URL, so unknown IDs get the localized 404
 * and a wrong letter case or slug gets its redirect. Form posts skip it too (see
 * lib/http/proxy-matcher.ts). Next reads the matcher statically, so
 * scripts/build-content.ts writes the canonical URLs in below.
 */
import type { NextRequest } from 'next/server';
import { handleRequest } from '@/lib/http/proxy';

export function proxy(request: NextRequest) {
  return handleRequest(request);
}

// BEGIN GENERATED MATCHER: scripts/build-content.ts rewrites this block.
export const config = {
  matcher: [
    '/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|api/search$|api/health$|(?:en|sv|cs|de|fr|ja|ar)/(?:sign-in-help/[A-Za-z0-9._-]+/lookup|sign-in-help/[A-Za-z0-9._-]+/site/lookup|sign-in-help/result/[A-Za-z0-9._-]+/resend|sign-in-help/result/[A-Za-z0-9._-]+/solved|sign-in-help/result/[A-Za-z0-9._-]+/ask|forgot-password/submit|reset-password/[A-Za-z0-9._-]+/save|verify-email/[A-Za-z0-9._-]+/confirm|reactivation-request/[A-Za-z0-9._-]+/confirm|feedback/[A-Za-z0-9._-]+/vote|feedback/[A-Za-z0-9._-]+/comment|admin/sign-in/submit|admin/sign-out|admin/users/[A-Za-z0-9._-]+/action|admin/users/bulk|admin/contact/save|admin/requests/[A-Za-z0-9._-]+/decide)$|(?:en|sv|cs|de|fr|ja|ar)/article/).*)',
    '/en/article/((?!(?:ktod8p/add-contact-details-for-site-administration|nikzbgy/user-statuses-and-the-actions-that-change-them|WBX89094/error-your-account-is-deactivated-contact-your-system|WBX15/how-do-i-contact-my-customer-success-manager|WBX75907/how-do-i-contact-my-site-administrator|vf3m9q/i-never-got-the-verification-email|ds8x4n/my-account-is-managed-by-my-companys-directory|pw7r2k/reset-a-forgotten-password|rc5t1h/what-is-a-diagnosis-reference-code)$).*)',
    '/sv/article/((?!(?:ktod8p/lagg-till-kontaktuppgifter-for-webbplatsadministrationen|nikzbgy/anvandarstatus-och-atgarderna-som-andrar-den|WBX89094/fel-ditt-konto-ar-inaktiverat-kontakta-din|WBX15/hur-kontaktar-jag-min-customer-success-manager|WBX75907/hur-kontaktar-jag-min-webbplatsadministrator|vf3m9q/jag-har-aldrig-fatt-verifieringsmejlet|ds8x4n/mitt-konto-hanteras-av-foretagets-katalogtjanst|pw7r2k/aterstall-ett-glomt-losenord|rc5t1h/vad-ar-en-referenskod-fran-diagnosen)$).*)',
    '/cs/article/((?!(?:ktod8p/pridani-kontaktnich-udaju-spravy-webu|nikzbgy/stavy-uzivatelu-a-akce-ktere-je-meni|WBX89094/chyba-vas-ucet-byl-deaktivovan-obratte-se-na-spravce-systemu|WBX15/jak-kontaktovat-manazera-pro-uspech-zakazniku-csm|WBX75907/jak-kontaktovat-spravce-webu|vf3m9q/overovaci-e-mail-mi-neprisel|ds8x4n/muj-ucet-se-spravuje-ve-firemnim-adresari|pw7r2k/obnoveni-zapomenuteho-hesla|rc5t1h/co-je-referencni-kod-diagnostiky)$).*)',
    '/de/article/((?!(?:ktod8p/kontaktdaten-fur-die-site-administration-hinzufugen|nikzbgy/benutzerstatus-und-die-aktionen-mit-denen-sie-ihn-andern|WBX89094/fehler-ihr-konto-ist-deaktiviert-wenden-sie-sich-an-ihren|WBX15/wie-erreiche-ich-meinen-customer-success-manager|WBX75907/wie-erreiche-ich-meinen-site-administrator|vf3m9q/ich-habe-keine-bestatigungs-e-mail-erhalten|ds8x4n/mein-konto-wird-uber-das-verzeichnis-meines-unternehmens|pw7r2k/vergessenes-passwort-zurucksetzen|rc5t1h/was-ist-ein-diagnose-referenzcode)$).*)',
    '/fr/article/((?!(?:ktod8p/ajouter-les-coordonnees-de-ladministration-du-site|nikzbgy/statuts-des-utilisateurs-et-actions-qui-les-modifient|WBX89094/erreur-votre-compte-est-desactive-contactez-votre|WBX15/comment-contacter-mon-customer-success-manager|WBX75907/comment-contacter-ladministrateur-de-mon-site|vf3m9q/je-nai-jamais-recu-le-mail-de-verification|ds8x4n/mon-compte-est-gere-par-lannuaire-de-mon-entreprise|pw7r2k/reinitialiser-un-mot-de-passe-oublie)$).*)',
    '/ja/article/((?!(?:ktod8p/add-contact-details-for-site-administration|nikzbgy/user-statuses-and-the-actions-that-change-them|WBX89094/error-your-account-is-deactivated-contact-your-system|WBX15/how-do-i-contact-my-customer-success-manager|WBX75907/how-do-i-contact-my-site-administrator|vf3m9q/i-never-got-the-verification-email|ds8x4n/my-account-is-managed-by-my-companys-directory|pw7r2k/reset-a-forgotten-password)$).*)',
    '/ar/article/((?!(?:ktod8p/add-contact-details-for-site-administration|nikzbgy/user-statuses-and-the-actions-that-change-them|WBX89094/error-your-account-is-deactivated-contact-your-system|WBX15/how-do-i-contact-my-customer-success-manager|WBX75907/how-do-i-contact-my-site-administrator|vf3m9q/i-never-got-the-verification-email|ds8x4n/my-account-is-managed-by-my-companys-directory|pw7r2k/reset-a-forgotten-password)$).*)',
  ],
};
// END GENERATED MATCHER
