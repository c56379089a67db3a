import { defineServiceConfig } from '@logclass/service-config';
import { gatewaySettings } from '@logclass/gateway-server';

/**
 * The gateway's configuration (GATEWAY_* variables). The settings live in
 * @logclass/gateway-server next to the code that uses them, so tests load
 * the very same schema.
 */
export const config = defineServiceConfig('gateway', gatewaySettings());
