import { AppError } from '../app-error';
import { powershellQuote } from './powershell-quote';
import { AUTH_HEADER_NAMES, requestBody, requestUrl } from './request';
import type { SignedRequest } from './request';

/** Two PowerShell statements: the headers hashtable, then Invoke-RestMethod. */
export function renderPowerShell(request: SignedRequest, separator = ' '): string {
  const body = requestBody(request);
  if (body !== undefined && request.method === 'GET') {
    // Windows PowerShell refuses a body on GET, and PowerShell 7 may turn it into a query string.
    throw new AppError('input.body_not_allowed', 'PowerShell cannot send a body with GET: give the values as query parameters.');
  }
  const headers = AUTH_HEADER_NAMES.map((name) => `${powershellQuote(name)} = ${powershellQuote(request.headers[name])}`).join('; ');
  const method = request.method.charAt(0) + request.method.slice(1).toLowerCase();
  const invoke = ['Invoke-RestMethod', `-Method ${method}`, `-Uri ${powershellQuote(requestUrl(request))}`, '-Headers $headers'];
  if (body !== undefined) {
    // Without a charset, Windows PowerShell 5.1 encodes a string body as ISO-8859-1.
    invoke.push(`-ContentType ${powershellQuote('application/json; charset=utf-8')}`, `-Body ${powershellQuote(body)}`);
  }
  return `$headers = @{ ${headers} }\n${invoke.join(separator)}`;
}
