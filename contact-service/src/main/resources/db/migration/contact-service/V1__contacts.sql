-- Business Central contacts, with BC's field lengths.
CREATE TABLE contact (
    no                  VARCHAR(20)  PRIMARY KEY,
    type                VARCHAR(10)  NOT NULL CHECK (type IN ('PERSON', 'COMPANY')),
    name                VARCHAR(100) NOT NULL,
    first_name          VARCHAR(30),
    middle_name         VARCHAR(30),
    surname             VARCHAR(30),
    initials            VARCHAR(30),
    company_no          VARCHAR(20),
    company_name        VARCHAR(100),
    job_title           VARCHAR(30),
    email               VARCHAR(80),
    email2              VARCHAR(80),
    phone_no            VARCHAR(30),
    mobile_phone_no     VARCHAR(30),
    fax_no              VARCHAR(30),
    address             VARCHAR(100),
    address2            VARCHAR(50),
    city                VARCHAR(30),
    post_code           VARCHAR(20),
    county              VARCHAR(30),
    country_region_code VARCHAR(10),
    home_page           VARCHAR(80),
    salesperson_code    VARCHAR(20),
    territory_code      VARCHAR(20),
    privacy_blocked     BOOLEAN      NOT NULL DEFAULT false,
    last_modified_at    TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL
);
CREATE INDEX contact_company_no ON contact (company_no);
CREATE INDEX contact_email_upper ON contact (upper(email));

-- Numbers handed out as CT000001, CT000002, ...; a sequence never hands one out twice, even after a delete.
CREATE SEQUENCE contact_no_seq;
