// Filled in with the security headers work; the build script already calls it.
