import './globals.css';

// Only reached for paths the proxy does not localize (it sends everything else to a locale).
export default function GlobalNotFound() {
  return (
    <html lang="en" dir="ltr">
      <body className="mx-auto max-w-xl p-8">
        <title>Page not found | Signpost</title>
        <h1 className="text-2xl font-bold">Page not found</h1>
        <p className="mt-2">
          <a href="/">Go to the Signpost help center</a>
        </p>
      </body>
    </html>
  );
}
