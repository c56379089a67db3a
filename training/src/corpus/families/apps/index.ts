import type { LogFamily } from '../log-family';
import { analytics } from './analytics';
import { appAccess } from './app-access';
import { authService } from './auth-service';
import { billing } from './billing';
import { crm } from './crm';
import { hr } from './hr';
import { legacyCrm } from './legacy-crm';
import { platformOps } from './platform-ops';
import { thirdPartyApi } from './third-party-api';
import { webApp } from './web-app';

/** The apps families of the corpus, in a fixed order (template ids do not depend on it). */
export const APPS_FAMILIES: readonly LogFamily[] = [crm, legacyCrm, billing, hr, analytics, authService, webApp, appAccess, platformOps, thirdPartyApi];
