import type { LogFamily } from '../log-family';
import { analytics } from './analytics';
import { appAccess } from './app-access';
import { authService } from './auth-service';
import { billing } from './billing';
import { crm } from './crm';
import { goService } from './go-service';
import { healthMonitor } from './health-monitor';
import { hr } from './hr';
import { javaService } from './java-service';
import { legacyCrm } from './legacy-crm';
import { nodeService } from './node-service';
import { platformOps } from './platform-ops';
import { pythonService } from './python-service';
import { railsApp } from './rails-app';
import { securityMonitor } from './security-monitor';
import { thirdPartyApi } from './third-party-api';

/** The apps families of the corpus, in a fixed order (template ids do not depend on it). */
export const APPS_FAMILIES: readonly LogFamily[] = [crm, legacyCrm, billing, hr, analytics, authService, javaService, pythonService, nodeService, goService, railsApp, appAccess, platformOps, healthMonitor, securityMonitor, thirdPartyApi];
