/** The product and company names of an ASFF finding. */
import { nonEmpty } from '../finding/text.js';
import type { AsffFinding } from './schema.js';

/** Product and company as the finding names them. */
export interface AsffProduct {
  readonly productName: string;
  readonly companyName?: string;
}

/**
 * `ProductName` / `CompanyName`, else the `aws/securityhub/ProductName` / `CompanyName` product
 * fields (2019 findings), else the two segments of the ProductArn (`product/<company>/<product>`).
 *
 * @example asffProduct({ ProductArn: 'arn:aws:securityhub:us-east-1::product/aquasecurity/aquasecurity' } as AsffFinding)
 * // { productName: 'aquasecurity', companyName: 'aquasecurity' }
 */
export function asffProduct(finding: AsffFinding): AsffProduct {
  const fields = finding.ProductFields ?? {};
  const [, arnCompany, arnProduct] = /:product\/([^/]+)\/([^/]+)$/.exec(finding.ProductArn) ?? [];
  const productName = nonEmpty(finding.ProductName) ?? nonEmpty(fields['aws/securityhub/ProductName']) ?? arnProduct ?? finding.ProductArn;
  const companyName = nonEmpty(finding.CompanyName) ?? nonEmpty(fields['aws/securityhub/CompanyName']) ?? arnCompany;
  return companyName === undefined ? { productName } : { productName, companyName };
}
