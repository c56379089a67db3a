import { FILLERS, type Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily } from '../log-family';
import { digits, jsonPattern, sticky } from './headers';

/**
 * Cloud control-plane audit records, one JSON object per line: AWS
 * CloudTrail and GuardDuty, GCP Cloud Audit Logs, Azure Activity and
 * sign-in logs. A person's successful change or sign-in is User Action;
 * services reading the API are System Notification; failed sign-ins, denied
 * calls, findings, and turning the audit trail off are Security Alert. So is
 * granting a user AdministratorAccess (privilege escalation by the book,
 * whoever does it).
 */

const accountNo = sticky((r) => digits(r, 12));
const iamUser = sticky((r) => r.pick(['alice', 'bob.smith', 'deploy-bot', 'terraform', 'jdoe', 'priya.k', 'ci-runner', 'admin', 'svc-backup']));
const roleName = (r: Prng): string => r.pick(['OrganizationAccountAccessRole', 'AWSReservedSSO_AdministratorAccess_' + r.hex(16), 'eks-node-group-role', 'lambda-exec-orders', 'GitHubActionsDeploy', 'ReadOnly']);
const accessKey = (r: Prng, prefix: string): string => `${prefix}${Array.from({ length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[r.int(0, 31)]).join('')}`;
const principalId: Filler = (r) => accessKey(r, 'AIDA');
const akid: Filler = (r) => accessKey(r, r.chance(0.6) ? 'ASIA' : 'AKIA');
const roleSession: Filler = (r) => `${roleName(r)}/${r.pick(['i-0' + r.hex(16), FILLERS.user(r), 'botocore-session-' + r.int(1600000000, 1750000000), 'GitHubActions'])}`;
const bucket: Filler = (r) => r.pick(['acme-prod-backups', 'customer-exports', 'terraform-state-' + r.hex(6), 'cloudtrail-logs-' + digits(r, 12), 'data-lake-raw', 'finance-reports']);
const objectKey: Filler = (r) => r.pick([`exports/${FILLERS.date(r)}/${FILLERS.file(r)}`, `backups/db/${FILLERS.date(r)}.sql.gz`, 'env/prod/terraform.tfstate', `reports/${FILLERS.file(r)}`]);
const awsUa: Filler = (r) => r.pick(['aws-cli/2.15.10 Python/3.11.6 Linux/6.2.0 exe/x86_64.ubuntu.22 prompt/off command/s3.cp', 'Boto3/1.34.14 md/Botocore#1.34.14 ua/2.0 os/linux#5.10.205 md/arch#x86_64 lang/python#3.11.6', 'console.amazonaws.com', 'APN/1.0 HashiCorp/1.0 Terraform/1.6.6 (+https://www.terraform.io) terraform-provider-aws/5.31.0', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36', 'ec2.amazonaws.com', 'autoscaling.amazonaws.com']);
const instanceId: Filler = (r) => `i-0${r.hex(16)}`;
const trail: Filler = (r) => r.pick(['management-events', 'org-trail', 'default', 'security-audit']);
const findingType: Filler = (r) => r.pick(['UnauthorizedAccess:EC2/SSHBruteForce', 'Recon:EC2/PortProbeUnprotectedPort', 'CryptoCurrency:EC2/BitcoinTool.B!DNS', 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS', 'Trojan:EC2/DNSDataExfiltration', 'Policy:S3/BucketBlockPublicAccessDisabled', 'PenTest:IAMUser/KaliLinux']);
const gcpProject = sticky((r) => `${r.pick(['acme', 'shop', 'data'])}-${r.pick(['prod', 'staging', 'analytics'])}-${r.int(100000, 999999)}`);
const gcpPrincipal: Filler = (r) => (r.chance(0.6) ? `${FILLERS.user(r).split('@')[0].toLowerCase()}@${r.pick(['example.com', 'acme.io'])}` : `${r.pick(['terraform', 'gke-deployer', 'dataflow-runner'])}@${r.pick(['acme-prod-123456', 'shop-staging-554433'])}.iam.gserviceaccount.com`);
const gcpSa: Filler = (r) => `${r.pick(['service-' + digits(r, 12) + '@compute-system', digits(r, 12) + '-compute@developer', 'loader@data-prod-220011'])}.${r.chance(0.5) ? 'iam.gserviceaccount.com' : 'gserviceaccount.com'}`;
const zone: Filler = (r) => r.pick(['us-central1-a', 'europe-west1-b', 'asia-southeast1-c', 'us-east4-c']);
const vmName: Filler = (r) => r.pick(['vm-', 'gke-prod-pool-', 'bastion-', 'runner-']) + r.hex(4);
const subscription: Filler = (r) => FILLERS.uuid(r).toUpperCase();
const resourceGroup: Filler = (r) => r.pick(['RG-PROD-WEU', 'RG-SHARED', 'NETWORKING-RG', 'RG-AKS-NODES', 'DATA-PLATFORM']);
const upn: Filler = (r) => `${r.pick(['alice', 'bob.smith', 'j.doe', 'admin', 'priya.k', 'helpdesk'])}@${r.pick(['contoso.com', 'contoso.onmicrosoft.com', 'fabrikam.com'])}`;
const signinError: Filler = (r) => r.pick(['50126","resultDescription":"Error validating credentials due to invalid username or password.', '50053","resultDescription":"The account is locked, you\'ve tried to sign in too many times with an incorrect user ID or password.', '50057","resultDescription":"User account is disabled. The account has been disabled by an administrator.']);

const region = '«region»';
const userIdentity = { type: 'IAMUser', principalId: '«principalId»', arn: 'arn:aws:iam::«account»:user/«iamUser»', accountId: '«sameAccount»', accessKeyId: '«akid»', userName: '«sameIamUser»' };
const roleIdentity = { type: 'AssumedRole', principalId: '«roleId»:«roleSessionName»', arn: 'arn:aws:sts::«account»:assumed-role/«roleSession»', accountId: '«sameAccount»', accessKeyId: '«akid»' };
const trailEvent = (identity: Record<string, unknown>, source: string, name: string, extra: Record<string, unknown>): string =>
  jsonPattern({
    eventVersion: '1.08',
    userIdentity: identity,
    eventTime: '«isoSecond»',
    eventSource: source,
    eventName: name,
    awsRegion: region,
    sourceIPAddress: '«ip»',
    userAgent: '«awsUa»',
    ...extra,
    eventID: '«uuid»',
    eventType: 'AwsApiCall',
    recipientAccountId: '«sameAccount»',
  });
/** In gcloud's JSON the keys come sorted, so logName (which draws the project) precedes the payload naming it again. */
const gcpEntry = (principal: string, service: string, method: string, resource: string, status: Record<string, unknown>, severity: string, log: string): string =>
  jsonPattern({
    insertId: '«insertId»',
    logName: `projects/«project»/logs/cloudaudit.googleapis.com%2F${log}`,
    protoPayload: {
      '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
      authenticationInfo: { principalEmail: principal },
      methodName: method,
      requestMetadata: { callerIp: '«ip»', callerSuppliedUserAgent: '«google-cloud-sdk gcloud/458.0.1 command/gcloud.compute.instances.create|Terraform/1.6.6 (+https://www.terraform.io) Terraform-Plugin-SDK/2.10.1 terraform-provider-google/5.10.0|google-api-go-client/0.5 GoogleContainerEngine»' },
      resourceName: resource,
      serviceName: service,
      status,
    },
    resource: { labels: { project_id: '«sameProject»', zone: '«zone»' }, type: 'gce_instance' },
    severity,
    timestamp: '«iso»',
  });

export const cloudAudit = defineFamily({
  family: 'cloud-audit',
  description: 'AWS CloudTrail and GuardDuty, GCP Cloud Audit Logs and Azure activity/sign-in records (one JSON object per line)',
  sources: ['cloudtrail', 'guardduty', 'gcp-audit', 'azure-activity', 'azure-signin'],
  formats: [],
  bareShare: 1,
  fillers: {
    account: accountNo.draw,
    sameAccount: accountNo.again,
    iamUser: iamUser.draw,
    sameIamUser: iamUser.again,
    project: gcpProject.draw,
    sameProject: gcpProject.again,
    principalId,
    roleId: (r) => accessKey(r, 'AROA'),
    akid,
    roleSession,
    roleSessionName: (r) => r.pick(['i-0' + r.hex(16), 'GitHubActions', FILLERS.user(r)]),
    bucket,
    objectKey,
    awsUa,
    instanceId,
    trail,
    findingType,
    gcpPrincipal,
    gcpSa,
    zone,
    vmName,
    subscription,
    resourceGroup,
    upn,
    signinError,
    isoSecond: (r) => FILLERS.iso(r).replace(/\.\d{3}Z$/, 'Z'),
    insertId: (r) => `${r.hex(4)}${r.hex(8)}${r.hex(2)}`.slice(0, r.pick([12, 14])),
  },
  templates: [
    { label: 'User Action', pattern: trailEvent({ type: 'IAMUser', principalId: '«principalId»', arn: 'arn:aws:iam::«account»:user/«iamUser»', accountId: '«sameAccount»', userName: '«sameIamUser»' }, 'signin.amazonaws.com', 'ConsoleLogin', { requestParameters: null, responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true', MobileVersion: 'No', MFAUsed: '«Yes|No»' } }), level: null, weight: 2 },
    { label: 'Security Alert', pattern: trailEvent({ type: 'IAMUser', principalId: '«principalId»', accountId: '«account»', accessKeyId: '', userName: '«iamUser»' }, 'signin.amazonaws.com', 'ConsoleLogin', { errorMessage: 'Failed authentication', requestParameters: null, responseElements: { ConsoleLogin: 'Failure' }, additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' } }), level: null, weight: 2 },
    { label: 'System Notification', pattern: trailEvent({ type: 'AWSService', invokedBy: '«ec2.amazonaws.com|lambda.amazonaws.com|eks.amazonaws.com»' }, 'sts.amazonaws.com', 'AssumeRole', { requestParameters: { roleArn: 'arn:aws:iam::«account»:role/«eks-node-group-role|lambda-exec-orders|ecsTaskExecutionRole»', roleSessionName: '«roleSessionName»' }, responseElements: { credentials: { accessKeyId: '«akid»', sessionToken: 'IQoJb3JpZ2luX2VjE«hex32»' } }, readOnly: '§true§' }), level: null, weight: 3 },
    { label: 'User Action', pattern: trailEvent(userIdentity, 'sts.amazonaws.com', 'AssumeRole', { requestParameters: { roleArn: 'arn:aws:iam::«sameAccount»:role/«OrganizationAccountAccessRole|Admin|DataEngineer»', roleSessionName: '«sameIamUser»' }, responseElements: { credentials: { accessKeyId: '«akid»' } }, readOnly: '§true§' }), level: null },
    { label: 'System Notification', pattern: trailEvent(roleIdentity, 'ec2.amazonaws.com', '«DescribeInstances|DescribeSecurityGroups|DescribeVolumes|DescribeInstanceStatus»', { requestParameters: { maxResults: '§«int:5:1000»§' }, responseElements: null, readOnly: '§true§' }), level: null, weight: 3 },
    { label: 'User Action', pattern: trailEvent(userIdentity, 'iam.amazonaws.com', '«CreateUser|DeleteUser»', { requestParameters: { userName: '«iamUser»' }, responseElements: null, readOnly: '§false§' }), level: null },
    { label: 'User Action', pattern: trailEvent(userIdentity, 'ec2.amazonaws.com', '«RunInstances|StopInstances|TerminateInstances|StartInstances»', { requestParameters: { instancesSet: { items: [{ instanceId: '«instanceId»' }] } }, readOnly: '§false§' }), level: null },
    { label: 'Security Alert', pattern: trailEvent(roleIdentity, 'iam.amazonaws.com', 'AttachUserPolicy', { requestParameters: { userName: '«iamUser»', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, responseElements: null, readOnly: '§false§' }), level: null },
    { label: 'Security Alert', pattern: trailEvent(roleIdentity, 's3.amazonaws.com', '«GetObject|PutObject|ListObjects»', { errorCode: 'AccessDenied', errorMessage: 'Access Denied', requestParameters: { bucketName: '«bucket»', key: '«objectKey»' }, responseElements: null, readOnly: '§true§' }), level: null, weight: 2 },
    { label: 'Security Alert', pattern: trailEvent(userIdentity, 'cloudtrail.amazonaws.com', '«StopLogging|DeleteTrail|UpdateTrail»', { requestParameters: { name: 'arn:aws:cloudtrail:«region»:«sameAccount»:trail/«trail»' }, responseElements: null, readOnly: '§false§' }), level: null },
    { label: 'Security Alert', pattern: jsonPattern({ schemaVersion: '2.0', accountId: '«account»', region, partition: 'aws', id: '«hex32»', arn: 'arn:aws:guardduty:«region»:«sameAccount»:detector/«hex32»/finding/«hex32»', type: '«findingType»', resource: { resourceType: 'Instance', instanceDetails: { instanceId: '«instanceId»' } }, severity: '§«2|5|8»§', createdAt: '«iso»', title: '«Unusual|Suspicious» activity on EC2 instance «instanceId».', description: '«instanceId» is «performing SSH brute force attacks against «ip»|querying a domain name associated with Bitcoin-related activity|being probed on unprotected port «port» by a known malicious host».' }), level: null, weight: 2 },
    { label: 'User Action', pattern: gcpEntry('«gcpPrincipal»', 'compute.googleapis.com', '«v1.compute.instances.insert|v1.compute.instances.delete|v1.compute.instances.stop|beta.compute.instances.setMetadata»', 'projects/«sameProject»/zones/«zone»/instances/«vmName»', {}, 'NOTICE', 'activity'), level: null, weight: 2 },
    { label: 'User Action', pattern: gcpEntry('«gcpPrincipal»', 'cloudresourcemanager.googleapis.com', 'SetIamPolicy', 'projects/«sameProject»', {}, 'NOTICE', 'activity'), level: null },
    { label: 'System Notification', pattern: gcpEntry('«gcpSa»', '«storage.googleapis.com|bigquery.googleapis.com»', '«storage.objects.get|storage.objects.list|google.cloud.bigquery.v2.JobService.InsertJob»', 'projects/_/buckets/«bucket»/objects/«objectKey»', {}, 'INFO', 'data_access'), level: null, weight: 2 },
    { label: 'Security Alert', pattern: gcpEntry('«gcpPrincipal»', 'compute.googleapis.com', '«v1.compute.instances.delete|v1.compute.firewalls.insert|v1.compute.instances.setServiceAccount»', 'projects/«sameProject»/zones/«zone»/instances/«vmName»', { code: '§7§', message: 'PERMISSION_DENIED' }, 'ERROR', 'activity'), level: null },
    { label: 'User Action', pattern: jsonPattern({ time: '«iso»', resourceId: '/SUBSCRIPTIONS/«subscription»/RESOURCEGROUPS/«resourceGroup»/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/«vmName»', operationName: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/«WRITE|DELETE|RESTART/ACTION|DEALLOCATE/ACTION»', category: 'Administrative', resultType: 'Success', resultSignature: '«Succeeded.OK|Accepted.Created|Started.»', callerIpAddress: '«ip»', correlationId: '«uuid»', identity: { claims: { 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': '«upn»' } }, level: 'Information' }), level: null },
    { label: 'User Action', pattern: jsonPattern({ time: '«iso»', operationName: 'Sign-in activity', category: 'SignInLogs', resultType: '0', callerIpAddress: '«ip»', correlationId: '«uuid»', identity: '«upn»', Level: '§4§', properties: { appDisplayName: '«Azure Portal|Microsoft Teams|Office 365 Exchange Online|Azure CLI»', clientAppUsed: 'Browser', conditionalAccessStatus: '«success|notApplied»', status: { errorCode: '§0§' } } }), level: null },
    { label: 'Security Alert', pattern: `{lb}"time":"{iso}","operationName":"Sign-in activity","category":"SignInLogs","resultType":"{signinError}","callerIpAddress":"{ip}","correlationId":"{uuid}","identity":"{upn}","Level":4,"location":"{country}"{rb}`, level: null, weight: 2 },
  ],
});
