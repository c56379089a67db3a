import type { ConfigOf } from './service-config';
import type { serverSettings } from './server-settings';

/** The loaded values of serverSettings(): what every gRPC service's config contains. */
export type ServerConfig = ConfigOf<ReturnType<typeof serverSettings>>;
