import { credentials, loadPackageDefinition, type GrpcObject, type ServiceClientConstructor } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { join } from 'node:path';

/** Lists services through grpc.reflection.v1, as grpcurl does. */
export function listServicesByReflection(address: string): Promise<string[]> {
  const protoPath = join(require.resolve('@grpc/reflection/package.json'), '../build/proto/grpc/reflection/v1/reflection.proto');
  const pkg = loadPackageDefinition(loadSync(protoPath, { keepCase: true })) as GrpcObject;
  const Reflection = ((pkg.grpc as GrpcObject).reflection as GrpcObject).v1 as GrpcObject;
  const Client = Reflection.ServerReflection as ServiceClientConstructor;
  const client = new Client(address, credentials.createInsecure());
  return new Promise((resolve, reject) => {
    const call = client.ServerReflectionInfo();
    call.on('data', (res: { list_services_response?: { service: { name: string }[] } }) => {
      resolve((res.list_services_response?.service ?? []).map((s) => s.name));
      call.end();
      client.close();
    });
    call.on('error', reject);
    call.write({ list_services: '' });
  });
}
