-- Rhymix tables a consultation board uses (prefix rx_; the columns that matter here, with
-- Rhymix's types: dates are VARCHAR(14) YYYYMMDDHHMMSS, flags CHAR(1) Y/N).
SET NAMES utf8mb4;
SET sql_mode = '';

CREATE TABLE rx_modules (
  module_srl bigint(11) NOT NULL,
  module varchar(80) NOT NULL,
  mid varchar(40) NOT NULL,
  browser_title varchar(250) NOT NULL DEFAULT '',
  regdate varchar(14) DEFAULT NULL,
  PRIMARY KEY (module_srl),
  UNIQUE KEY unique_mid (mid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE rx_member (
  member_srl bigint(11) NOT NULL,
  user_id varchar(80) NOT NULL,
  email_address varchar(250) NOT NULL,
  password varchar(250) NOT NULL,
  email_id varchar(80) NOT NULL DEFAULT '',
  email_host varchar(160) DEFAULT NULL,
  phone_number varchar(80) DEFAULT NULL,
  phone_country varchar(10) DEFAULT NULL,
  user_name varchar(40) NOT NULL,
  nick_name varchar(40) NOT NULL,
  find_account_question bigint(11) DEFAULT NULL,
  find_account_answer varchar(250) DEFAULT NULL,
  homepage varchar(250) DEFAULT NULL,
  birthday char(8) DEFAULT NULL,
  allow_mailing char(1) NOT NULL DEFAULT 'Y',
  allow_message char(1) NOT NULL DEFAULT 'Y',
  denied char(1) DEFAULT 'N',
  limit_date varchar(14) DEFAULT NULL,
  regdate varchar(14) DEFAULT NULL,
  last_login varchar(14) DEFAULT NULL,
  is_admin char(1) DEFAULT 'N',
  description text,
  extra_vars text,
  list_order bigint(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (member_srl),
  UNIQUE KEY unique_user_id (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE rx_document_categories (
  category_srl bigint(11) NOT NULL DEFAULT '0',
  module_srl bigint(11) NOT NULL DEFAULT '0',
  parent_srl bigint(12) NOT NULL DEFAULT '0',
  title varchar(250) DEFAULT NULL,
  list_order bigint(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (category_srl)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE rx_documents (
  document_srl bigint(11) NOT NULL,
  module_srl bigint(11) NOT NULL DEFAULT '0',
  category_srl bigint(11) NOT NULL DEFAULT '0',
  lang_code varchar(10) NOT NULL DEFAULT '',
  is_notice char(1) NOT NULL DEFAULT 'N',
  title varchar(250) DEFAULT NULL,
  title_bold char(1) NOT NULL DEFAULT 'N',
  title_color varchar(7) DEFAULT NULL,
  content longtext NOT NULL,
  readed_count bigint(11) NOT NULL DEFAULT '0',
  voted_count bigint(11) NOT NULL DEFAULT '0',
  comment_count bigint(11) NOT NULL DEFAULT '0',
  uploaded_count bigint(11) NOT NULL DEFAULT '0',
  password varchar(60) DEFAULT NULL,
  user_id varchar(80) DEFAULT NULL,
  user_name varchar(80) NOT NULL,
  nick_name varchar(80) NOT NULL,
  member_srl bigint(11) NOT NULL,
  email_address varchar(250) DEFAULT NULL,
  homepage varchar(250) DEFAULT NULL,
  tags text,
  extra_vars text,
  regdate varchar(14) DEFAULT NULL,
  last_update varchar(14) DEFAULT NULL,
  ipaddress varchar(128) NOT NULL,
  list_order bigint(11) NOT NULL,
  update_order bigint(11) NOT NULL,
  status varchar(20) DEFAULT 'PUBLIC',
  comment_status varchar(20) DEFAULT 'ALLOW',
  PRIMARY KEY (document_srl),
  KEY idx_module_srl (module_srl)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE rx_document_extra_vars (
  module_srl bigint(11) NOT NULL,
  document_srl bigint(11) NOT NULL,
  var_idx bigint(11) NOT NULL,
  lang_code varchar(10) NOT NULL,
  value longtext,
  eid varchar(40) DEFAULT NULL,
  UNIQUE KEY unique_extra_vars (module_srl, document_srl, var_idx, lang_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE rx_comments (
  comment_srl bigint(11) NOT NULL,
  module_srl bigint(11) NOT NULL DEFAULT '0',
  document_srl bigint(11) NOT NULL DEFAULT '0',
  parent_srl bigint(11) NOT NULL DEFAULT '0',
  is_secret char(1) NOT NULL DEFAULT 'N',
  content longtext NOT NULL,
  voted_count bigint(11) NOT NULL DEFAULT '0',
  password varchar(60) DEFAULT NULL,
  user_id varchar(80) DEFAULT NULL,
  user_name varchar(80) NOT NULL,
  nick_name varchar(80) NOT NULL,
  member_srl bigint(11) NOT NULL DEFAULT '0',
  email_address varchar(250) DEFAULT NULL,
  uploaded_count bigint(11) NOT NULL DEFAULT '0',
  regdate varchar(14) DEFAULT NULL,
  last_update varchar(14) DEFAULT NULL,
  ipaddress varchar(128) NOT NULL,
  list_order bigint(11) NOT NULL,
  status bigint(1) NOT NULL DEFAULT '1',
  PRIMARY KEY (comment_srl),
  KEY idx_document_srl (document_srl)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE rx_files (
  file_srl bigint(11) NOT NULL,
  upload_target_srl bigint(11) NOT NULL DEFAULT '0',
  module_srl bigint(11) NOT NULL DEFAULT '0',
  member_srl bigint(11) NOT NULL,
  source_filename varchar(250) DEFAULT NULL,
  uploaded_filename varchar(250) DEFAULT NULL,
  file_size bigint(11) NOT NULL DEFAULT '0',
  regdate varchar(14) DEFAULT NULL,
  ipaddress varchar(128) NOT NULL,
  PRIMARY KEY (file_srl)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
