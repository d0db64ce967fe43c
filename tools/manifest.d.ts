/** Types for tools/manifest.js (plain CommonJS so webpack.config.js can require it). */

/** The development base URL used throughout manifest.xml. */
export declare const DEV_BASE_URL: 'https://localhost:3000';

/**
 * Checks a production base URL (https only, no credentials, query or fragment) and returns it
 * without a trailing slash, with its origin. Throws an Error that says what to fix.
 */
export declare function normaliseBaseUrl(baseUrl: string | undefined): { base: string; origin: string };

/**
 * The manifest with every https://localhost:3000 replaced by `baseUrl` (normally
 * process.env.ADDIN_BASE_URL); <AppDomain> gets the base URL's origin.
 */
export declare function productionManifest(xml: string, baseUrl: string | undefined): string;
